package ge.dms.command.order;

/** What a caller can do to an existing order; {@link #path()} is its URL segment. */
public enum OrderAction {
    CONFIRM("confirm"),
    START_PREPARING("start-preparing"),
    MARK_READY("mark-ready"),
    ASSIGN_DRIVER("assign-driver"),
    PICK_UP("pick-up"),
    DELIVER("deliver"),
    CANCEL("cancel");

    private final String path;

    OrderAction(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
