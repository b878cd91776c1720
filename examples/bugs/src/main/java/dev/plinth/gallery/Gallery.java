package dev.plinth.gallery;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays the thirteen bugs of the gallery, each without Plinth and with it, and prints what each run showed.
 *
 * <p>Run from the repository root after {@code mvn package}: {@code java --add-opens java.base/java.lang=ALL-UNNAMED
 * -cp "examples/bugs/target/classes:examples/bugs/target/lib/*" dev.plinth.gallery.Gallery} (as {@code bin/demo}
 * does), or with {@code --markdown} for the table of {@code docs/bugs.md}.
 */
public final class Gallery {
    private Gallery() {
    }

    /** Prints the replay; exit code 1 if a scenario could not run. */
    public static void main(String[] args) {
        boolean markdown = List.of(args).contains("--markdown");
        Workspace.verbatim = !markdown;
        if (!markdown) {
            System.out.print(Table.LEGEND);
            System.out.flush();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario s : Scenarios.ALL) {
            outcomes.add(Scenarios.outcome(s.number()));
        }
        System.out.print(markdown ? Table.markdown(outcomes) : Table.text(outcomes) + Table.summary(outcomes));
        System.out.flush();
    }
}
