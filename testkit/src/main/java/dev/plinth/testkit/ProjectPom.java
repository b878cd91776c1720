package dev.plinth.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The version of the project whose tests run: its {@code pom.xml}'s {@code <version>}, else its parent's. Surefire
 * runs tests in the project directory, and a test runs before {@code package}, so the pom is the one place that
 * names the version the jar will carry; the testkit writes it as {@code Plugin-Version} unless the classes' own
 * manifest has one, so the plugin under test is {@code starter@1.0.0} as in the jar, not {@code starter@0.0.0}.
 */
final class ProjectPom {
    private ProjectPom() {
    }

    /** The project version the pom in {@code dir} names; empty without a pom or when it is a {@code ${property}}. */
    static Optional<String> version(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            String version = child(project, "version");
            if (version == null) {
                Element parent = element(project, "parent");
                version = parent == null ? null : child(parent, "version");
            }
            return version == null || version.contains("${") ? Optional.empty() : Optional.of(version);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return Optional.empty(); // a pom the testkit cannot read leaves the version to the default
        }
    }

    private static Element element(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        Element e = element(parent, name);
        return e == null || e.getTextContent().isBlank() ? null : e.getTextContent().strip();
    }
}
