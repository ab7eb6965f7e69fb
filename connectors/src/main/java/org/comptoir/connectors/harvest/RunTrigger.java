package org.comptoir.connectors.harvest;

/**
 * What started a run, and who.
 *
 * @param user the signed-in user who asked for it, or null for the schedule
 */
public record RunTrigger(Kind kind, String user) {
    /** How a run was started. */
    public enum Kind {
        /** The source's cron schedule. */
        SCHEDULE,
        /** A call of the REST API. */
        API,
        /** The source screen. */
        SCREEN
    }

    public RunTrigger {
        if (kind == null) {
            throw new IllegalArgumentException("a run trigger needs a kind");
        }
        if (user != null && user.length() > 255) {
            user = user.substring(0, 255);
        }
    }

    public static RunTrigger schedule() {
        return new RunTrigger(Kind.SCHEDULE, null);
    }

    public static RunTrigger api(String user) {
        return new RunTrigger(Kind.API, user);
    }

    public static RunTrigger screen(String user) {
        return new RunTrigger(Kind.SCREEN, user);
    }
}
