package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the Markdown pages self-contained: they name no file a reader of the repository does not have, and every
 * relative link leads to a file in it. What the commands in them do is {@code bin/check-docs}'s job.
 */
class DocsTest {
    /** Surefire runs in {@code cli/}; the repository root is its parent. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** Names of things outside the repository that pages used to point at. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "go-plugin-find-the-bug|design brief|DESIGN\\.md|\\bthe seed\\b(?! input)|\\bseed's\\b",
            Pattern.CASE_INSENSITIVE);

    /** Pages another change is rewriting; they join the check when it lands (docs/reload.md: "the seed's bug 8"). */
    private static final Set<String> PENDING = Set.of();

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** The sh blocks of these pages run as written, so each must be marked runnable. */
    private static final Pattern RUN_ALL = Pattern.compile("README\\.md|docs/start-.*\\.md");

    /** The commands that build or test the whole repository: CI runs them itself. */
    private static final Set<String> NOT_RERUN = Set.of("bin/demo", "mvn -B verify");

    static Stream<String> pages() throws IOException {
        List<String> pages = new ArrayList<>(List.of("README.md"));
        for (String root : List.of("docs", "examples")) {
            try (Stream<Path> files = Files.walk(REPO.resolve(root))) {
                files.filter(p -> p.toString().endsWith(".md")).filter(p -> !p.toString().contains("/target/"))
                        .map(p -> REPO.relativize(p).toString()).sorted().forEach(pages::add);
            }
        }
        return pages.stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pageNamesNothingOutsideTheRepository(String page) throws IOException {
        List<String> hits = new ArrayList<>();
        List<String> lines = Files.readAllLines(REPO.resolve(page));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = OUTSIDE.matcher(lines.get(i));
            while (m.find()) {
                hits.add(page + ":" + (i + 1) + ": " + m.group());
            }
        }

        if (!PENDING.contains(page)) {
            assertThat(hits).as("quote what the page needs instead of pointing outside the repository").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyRelativeLinkLeadsToAFileInTheRepository(String page) throws IOException {
        Path file = REPO.resolve(page);
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(Files.readString(file));
        while (m.find()) {
            String target = m.group(1).replaceFirst("#.*", "");
            if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                continue;
            }
            Path resolved = file.getParent().resolve(target).normalize();
            if (!resolved.startsWith(REPO) || !Files.exists(resolved)) {
                broken.add(m.group(1));
            }
        }

        assertThat(broken).as("links in %s that lead nowhere", page).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void shellBlocksOfTheReadmeAndTheGettingStartedPagesAreMarkedRunnable(String page) throws IOException {
        List<String> unmarked = new ArrayList<>();
        List<String> lines = Files.readAllLines(REPO.resolve(page));
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```sh")) {
                continue;
            }
            boolean marked = i > 0 && lines.get(i - 1).equals("<!-- runnable -->");
            String first = lines.get(i + 1).replaceFirst("\\s*#.*", "");
            if (!marked && !NOT_RERUN.contains(first)) {
                unmarked.add(page + ":" + (i + 2) + ": " + first);
            }
        }

        if (RUN_ALL.matcher(page).matches()) {
            assertThat(unmarked).as("sh blocks bin/check-docs would not run; mark them <!-- runnable -->")
                    .isEmpty();
        }
    }
}
