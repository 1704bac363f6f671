package cn.jzz.hub.normalize;

/** One compiled step of a value's transform chain. */
@FunctionalInterface
interface Transform {

  /**
   * @return the transformed value, or null when there is nothing to contribute
   * @throws ValueRejected when the value is present but unreadable; the field is dropped with a note
   */
  Object apply(Object value) throws ValueRejected;

  /** A present value that cannot be read; its message must not repeat ID numbers or phone numbers. */
  final class ValueRejected extends Exception {
    ValueRejected(String message) {
      super(message, null, false, false);
    }
  }
}
