package ge.dms.bench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps this machine's folders out of what a result file says, since results are committed and read elsewhere:
 * a path under the project root becomes repository-relative ({@code bench/results/fanout.png}), one in a results
 * folder outside it its bare file name, one under the home folder starts with {@code ~}, one in the temporary folder
 * with {@code $TMPDIR}. Anything that reaches a result (a figure, an error message, a parameter) is covered, not only
 * what the bench itself names. API paths such as {@code /api/orders} are not folders here and stay as they are.
 */
final class PortablePaths {

    /** A folder, and what stands for it: {@code prefix} before a path under it, {@code alone} for the folder itself. */
    private record Rule(String folder, String prefix, String alone) {

        /** Only the whole folder, where a path starts: not /tmp inside /proc/1/root/tmp, nor /work/main in /work/mainline. */
        Pattern pattern() {
            return Pattern.compile("(?<![\\w.~-])" + Pattern.quote(folder) + "(/|(?![\\w.-]))");
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    PortablePaths(Path root, Path results, Path home, Path temporary) {
        List<Rule> all = new ArrayList<>(List.of(new Rule(root.toString(), "", "."), new Rule(home.toString(), "~/", "~"),
                new Rule(temporary.toString(), "$TMPDIR/", "$TMPDIR")));
        if (!results.startsWith(root)) {
            all.add(new Rule(results.toString(), "", "."));
        }
        // The longest first: a results folder in the temporary one is named by its file names, not as $TMPDIR/...
        all.sort(Comparator.comparingInt((Rule r) -> r.folder().length()).reversed());
        for (Rule rule : all) {
            if (rule.folder().length() > 1) { // never "/": every absolute path would lose its root
                rules.add(rule);
                patterns.add(rule.pattern());
            }
        }
    }

    /** This machine's: the project root ({@code -Ddms.root}, else the working directory), home and temporary folders. */
    static PortablePaths of(Path results) {
        return new PortablePaths(absolute(System.getProperty("dms.root", ".")), results.toAbsolutePath().normalize(),
                absolute(System.getProperty("user.home")), absolute(System.getProperty("java.io.tmpdir")));
    }

    /** {@code text} with every path under one of the folders rewritten as the class comment says. */
    String apply(String text) {
        String portable = text;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            Matcher m = patterns.get(i).matcher(portable);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).isEmpty() ? rule.alone() : rule.prefix()));
            }
            portable = m.appendTail(out).toString();
        }
        return portable;
    }

    /** {@code file} as a person at the project root would type it: relative when under the root, else as it is. */
    static String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = absolute(System.getProperty("dms.root", "."));
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
