package ge.dms.bench.cli;

/**
 * What a scenario offers of the common options of {@link Scenario}, each with its help line and its defaults,
 * plain and with {@code --quick}: one place for both, so the help cannot say another default than the run uses.
 * An option left out is not offered: it is neither in the scenario's {@code --help} nor accepted.
 *
 * @param quick       what {@code --quick} does, for the help
 * @param duration    {@code --duration}, the measured time
 * @param warmup      {@code --warmup}, the unmeasured time before it
 * @param rate        {@code --rate}, the offered rate a second
 * @param maxInFlight {@code --max-in-flight}, outstanding requests before the client refuses one
 * @param timeout     {@code --timeout}
 */
public record Offer(String quick, Setting duration, Setting warmup, Setting rate, Setting maxInFlight, Setting timeout) {

    /**
     * One option's help line and defaults.
     *
     * @param what         what the option sets, as the help says it
     * @param plainDefault the default
     * @param quickDefault the default with {@code --quick} (the same when --quick does not change it)
     */
    public record Setting(String what, String plainDefault, String quickDefault) {

        String value(boolean quick) {
            return quick ? quickDefault : plainDefault;
        }

        String description() {
            return what + " (default " + plainDefault + (quickDefault.equals(plainDefault) ? "" : "; " + quickDefault + " with --quick") + ")";
        }
    }

    /** A scenario's offer, starting from what its {@code --quick} does. */
    public static Offer quick(String quick) {
        return new Offer(quick, null, null, null, null, null);
    }

    public Offer duration(String what, String plainDefault, String quickDefault) {
        return new Offer(quick, new Setting(what, plainDefault, quickDefault), warmup, rate, maxInFlight, timeout);
    }

    public Offer warmup(String what, String plainDefault, String quickDefault) {
        return new Offer(quick, duration, new Setting(what, plainDefault, quickDefault), rate, maxInFlight, timeout);
    }

    public Offer rate(String what, String plainDefault, String quickDefault) {
        return new Offer(quick, duration, warmup, new Setting(what, plainDefault, quickDefault), maxInFlight, timeout);
    }

    public Offer maxInFlight(String what, String plainDefault) {
        return new Offer(quick, duration, warmup, rate, new Setting(what, plainDefault, plainDefault), timeout);
    }

    public Offer timeout(String what, String plainDefault) {
        return timeout(what, plainDefault, plainDefault);
    }

    public Offer timeout(String what, String plainDefault, String quickDefault) {
        return new Offer(quick, duration, warmup, rate, maxInFlight, new Setting(what, plainDefault, quickDefault));
    }
}
