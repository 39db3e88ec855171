package callsim.app.web;

/**
 * A small HTML writer: tag and attribute names come from code, every text and attribute value is
 * escaped on the way in, so data from a drill (transcript, names, notes) can never become markup.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves the attribute out. */
    Html open(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A void element such as input, meta or link. */
    Html empty(String tag, String... attrs) {
        return open(tag, attrs);
    }

    /** A childless SVG element, {@code <rect .../>}: inside svg a bare {@code <rect>} would swallow what follows. */
    Html leaf(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Html el(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup this class (or another Html) produced; never call it with data. */
    Html trusted(Html html) {
        out.append(html.out);
        return this;
    }

    Html doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    private void attributes(String... attrs) {
        if (attrs.length % 2 != 0) throw new IllegalArgumentException("attributes come in name, value pairs");
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] == null) continue;
            out.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
        }
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
