package dev.plinth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectPomTest {
    @TempDir
    Path dir;

    private Path pom(String body) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>" + body
                + "</project>");
        return dir;
    }

    @Test
    void projectVersionComesFromThePom() throws IOException {
        assertThat(ProjectPom.version(pom("<parent><version>9</version></parent><artifactId>starter</artifactId>"
                + "<version>1.0.0</version><dependencies><dependency><version>2.0</version></dependency>"
                + "</dependencies>"))).contains("1.0.0");
    }

    @Test
    void withoutItsOwnVersionAProjectHasItsParents() throws IOException {
        assertThat(ProjectPom.version(pom("<parent><groupId>g</groupId><version>3.1</version></parent>")))
                .contains("3.1");
    }

    @Test
    void propertyOrMissingPomLeavesTheVersionUnknown() throws IOException {
        assertThat(ProjectPom.version(pom("<version>${revision}</version>"))).isEmpty();
        assertThat(ProjectPom.version(dir.resolve("elsewhere"))).isEmpty();
    }

    @Test
    void unreadablePomLeavesTheVersionUnknown() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project><version>1.0</vers");

        assertThat(ProjectPom.version(dir)).isEmpty();
    }
}
