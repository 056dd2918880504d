package ge.dms.settings;

import java.util.List;

/** Settings missing or malformed at start-up: every one of them, by the name the operator sets. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
