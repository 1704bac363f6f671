package cn.jzz.hub.connector.file;

/** A dropped file the hub cannot use; the message is written beside it in {@code failed/} and says the fix. */
public class UnreadableFileException extends Exception {
  public UnreadableFileException(String reason) {
    super(reason);
  }

  public UnreadableFileException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
