package ge.dms.bench.suite;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the options given to {@code all} a scenario gets: each option the scenario itself
 * declares, as it was typed, so {@code all --query-api URL} reaches every scenario that has a
 * {@code --query-api} and no other. Options are looked up in the scenarios' own picocli models
 * only, so {@code all} needs to know nothing of their internals.
 */
final class ForwardedArgs {

    private ForwardedArgs() {
    }

    /**
     * @param given     the options of {@code all} that are not its own, as typed ({@code --x=v} or {@code --x v})
     * @param target    the scenario to run
     * @param scenarios every scenario registered, to learn whether an option the target lacks takes a value
     * @param own       options of {@code all} to pass on too when the target has them, name to value (null for a flag)
     */
    static List<String> forTarget(List<String> given, CommandLine target, Collection<CommandLine> scenarios, Map<String, String> own) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String token = given.get(i);
            if (!token.startsWith("-")) {
                throw new CommandLine.ParameterException(target, "all: '" + token + "' is not an option (pass scenario "
                        + "arguments as --arg SCENARIO:ARG)");
            }
            String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            OptionSpec option = target.getCommandSpec().findOption(name);
            OptionSpec known = option != null ? option : anyScenarioOption(name, scenarios);
            if (known == null) {
                throw new CommandLine.ParameterException(target, "all: no scenario has an option " + name);
            }
            boolean valueFollows = !token.contains("=") && takesValue(known) && i + 1 < given.size();
            if (option != null) {
                args.add(token);
                if (valueFollows) {
                    args.add(given.get(i + 1));
                }
            }
            if (valueFollows) {
                i++;
            }
        }
        args.addAll(ownOptionsFor(target, own));
        return args;
    }

    /** {@code all}'s own options that the target also declares, e.g. {@code --quick} and {@code --results-dir DIR}. */
    private static List<String> ownOptionsFor(CommandLine target, Map<String, String> own) {
        List<String> args = new ArrayList<>();
        own.forEach((name, value) -> {
            if (target.getCommandSpec().findOption(name) != null) {
                args.add(name);
                if (value != null) {
                    args.add(value);
                }
            }
        });
        return args;
    }

    private static OptionSpec anyScenarioOption(String name, Collection<CommandLine> scenarios) {
        return scenarios.stream().map(s -> s.getCommandSpec().findOption(name)).filter(o -> o != null).findFirst().orElse(null);
    }

    private static boolean takesValue(OptionSpec option) {
        Set<Class<?>> flags = Set.of(boolean.class, Boolean.class);
        return option.arity().max() > 0 && !(flags.contains(option.type()) && option.arity().max() <= 1 && option.arity().min() == 0);
    }
}
