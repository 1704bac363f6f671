package cn.jzz.hub.connector.rest;

import java.io.IOException;
import java.util.Map;

/** Sends one HTTP request; a transport failure (refused, timed out) is an IOException. */
interface HttpTransport {

  record Request(String method, String path, String query, Map<String, String> headers, String body) {}

  record Response(int status, String body) {}

  Response send(Request request) throws IOException;
}
