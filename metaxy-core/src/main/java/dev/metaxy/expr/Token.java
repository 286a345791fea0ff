package dev.metaxy.expr;

/** A lexical token of a filter string; {@code text} is the unescaped value for strings and quoted names. */
record Token(Type type, String text, int position) {

  enum Type {
    IDENTIFIER, QUOTED_IDENTIFIER, KEYWORD, STRING, NUMBER, OPERATOR,
    LEFT_PAREN, RIGHT_PAREN, COMMA, DOT, MINUS, END
  }

  boolean is(Type expected) {
    return type == expected;
  }

  boolean isKeyword(String keyword) {
    return type == Type.KEYWORD && text.equals(keyword);
  }

  /** How the token is named in error messages. */
  String describe() {
    switch (type) {
      case END: return "end of input";
      case STRING: return "string '" + text.replace("'", "''") + "'";
      case QUOTED_IDENTIFIER: return "identifier \"" + text.replace("\"", "\"\"") + "\"";
      default: return "'" + text + "'";
    }
  }
}
