package cn.jzz.hub.normalize;

/** One compiled step of a field's transform chain. */
@FunctionalInterface
interface Transform {

  /**
   * @return the transformed value, or null when there is nothing to contribute
   * @throws ValueRejected when the value is present but unreadable; the field is dropped with a note
   */
  Object apply(Object value) throws ValueRejected;

  final class ValueRejected extends Exception {
    ValueRejected(String message) {
      super(message, null, false, false);
    }
  }
}
