package cn.jzz.hub.connector.rest;

import java.util.Map;

/** Authenticates requests to an API. */
interface AuthStrategy {

  /** Headers for the next request; may call the API (to fetch a token). */
  Map<String, String> headers(RestClient client) throws Exception;

  /** The API answered 401: forget cached credentials; true if a fresh attempt may help. */
  boolean refresh();
}
