package org.pitbox.voice.command;

/** What a driver's command asks for; {@link CommandTable} holds the phrases that say each one. */
public enum Intent {
    FUEL_LEVEL(Group.ASK), FUEL_PER_LAP(Group.ASK), LAPS_OF_FUEL(Group.ASK), FUEL_TO_END(Group.ASK),
    LAST_LAP(Group.ASK), BEST_LAP(Group.ASK), SESSION_BEST(Group.ASK),
    GAP_AHEAD(Group.ASK), GAP_BEHIND(Group.ASK), POSITION(Group.ASK), LAPS_REMAINING(Group.ASK),
    TIME_REMAINING(Group.ASK),
    PIT_FUEL(Group.PIT), PIT_TYRES(Group.PIT), PIT_FAST_REPAIR(Group.PIT), PIT_WINDSHIELD(Group.PIT),
    PIT_CLEAR(Group.PIT),
    RADIO(Group.TEAM), BOX_THIS_LAP(Group.TEAM),
    /** Follow-ups: they mean something after an earlier answer. */
    AND_AHEAD(Group.FOLLOW_UP), AND_BEHIND(Group.FOLLOW_UP), MORE(Group.FOLLOW_UP),
    REPEAT(Group.TALK), QUIET(Group.TALK), TALK_TO_ME(Group.TALK), HELP(Group.TALK);

    /** How the help text groups the commands. */
    public enum Group {
        ASK("Ask"), PIT("Pit requests"), TEAM("Team"), FOLLOW_UP("After an answer"), TALK("Talk");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Group group;

    Intent(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }
}
