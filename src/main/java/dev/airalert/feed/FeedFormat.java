package dev.airalert.feed;

import java.util.Locale;

/** What a feed's URL serves. */
public enum FeedFormat {
    /** An Atom index whose entries link to CAP messages (or carry one as their content). */
    ATOM("atom", "application/atom+xml, application/xml;q=0.9, */*;q=0.1"),
    /** An RSS 2.0 index whose items link to CAP messages. */
    RSS("rss", "application/rss+xml, application/xml;q=0.9, */*;q=0.1"),
    /** One CAP document (or EDXL-DE envelope), read again whenever it changes. */
    CAP("cap", "application/cap+xml, application/xml;q=0.9, */*;q=0.1");

    /** What is asked for when a linked CAP message is fetched. */
    static final String CAP_ACCEPT = CAP.accept;

    private final String code;
    private final String accept;

    FeedFormat(String code, String accept) {
        this.code = code;
        this.accept = accept;
    }

    public String code() {
        return code;
    }

    String accept() {
        return accept;
    }

    /** The format of this code, or null. */
    static FeedFormat of(String code) {
        if (code == null) {
            return null;
        }
        for (FeedFormat f : values()) {
            if (f.code.equals(code.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
