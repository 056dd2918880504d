package ge.dms.schemas.docs;

import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the repository's own docs to the code: every topic constant is on the analysts' page, and
 * no Markdown link leaves the repository except to a public web address (a clone has nothing
 * beside it).
 */
class DocsTest {

    /** Maven runs tests in the module folder; the repository root is its parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void shouldListEveryTopicConstantInTopicsMd() throws IOException {
        String topicsPage = Files.readString(ROOT.resolve("docs/topics.md"));
        List<String> names = new ArrayList<>();
        names.addAll(topicNames(Topics.class));
        names.addAll(topicNames(ProjectionTopics.class));

        assertThat(names).hasSizeGreaterThanOrEqualTo(11);
        assertThat(names).allSatisfy(name -> assertThat(topicsPage).contains("`" + name + "`"));
    }

    @Test
    void shouldKeepEveryRelativeLinkInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path doc : markdownFiles()) {
            Matcher m = LINK.matcher(read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")
                        || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<String> topicNames(Class<?> holder) {
        List<String> names = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Topic.class.isAssignableFrom(field.getType())) {
                try {
                    names.add(((Topic<?, ?>) field.get(null)).name());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(^|.*/)(target|node_modules|\\.git|\\.dev)/.*"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
