package ge.dms.bench.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli's hook after it has read a scenario's options: each common option of {@link Scenario} gets the help line
 * of the scenario's {@link Offer}, and the ones it does not offer are taken out. Annotations cannot say it, since the
 * options are declared once, in the base, and the wording and defaults are each scenario's.
 */
public final class OfferedOptions implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        Offer offer = ((Scenario) spec.userObject()).offer();
        describe(spec, "--quick", offer.quick());
        describe(spec, "--duration", offer.duration());
        describe(spec, "--warmup", offer.warmup());
        describe(spec, "--rate", offer.rate());
        describe(spec, "--max-in-flight", offer.maxInFlight());
        describe(spec, "--timeout", offer.timeout());
        return spec;
    }

    private static void describe(CommandSpec spec, String name, Offer.Setting setting) {
        describe(spec, name, setting == null ? null : setting.description());
    }

    private static void describe(CommandSpec spec, String name, String description) {
        OptionSpec declared = spec.findOption(name);
        spec.remove(declared);
        if (description != null) {
            // The same option, bound to the same field, with the scenario's words.
            spec.addOption(OptionSpec.builder(declared).description(description).build());
        }
    }
}
