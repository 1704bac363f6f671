package cn.jzz.hub.identity;

public sealed interface IdParseResult {
  record Valid(ParsedId id) implements IdParseResult {}

  record Invalid(IdRejection reason, String detail) implements IdParseResult {}
}
