package dev.rocketmqtx.camel.testcontainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.aether.repository.RemoteRepository;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Where RocketMQ's jars are looked up: the user's local Maven repository first (what the build already downloaded),
 * then the repositories given by {@link Setting#MAVEN_REPOSITORIES}, else a mirror of Central from the user's Maven
 * settings, else Maven Central. Credentials and proxies of settings.xml are not read.
 */
final class MavenRepositories {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private MavenRepositories() {
    }

    /**
     * The local repository: {@code maven.repo.local} when set (surefire can pass Maven's own as
     * {@code ${settings.localRepository}}), else the one of settings.xml, else {@code ~/.m2/repository}. Builds that
     * point {@code user.home} at a build folder (as tests of an in-process broker do) are followed back to the
     * {@code HOME} of the environment when that folder holds no Maven settings.
     */
    static Path local() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path m2 = m2Folder();
        return settings(m2).flatMap(settings -> text(settings, "localRepository"))
            .map(MavenRepositories::interpolate)
            .map(Path::of)
            .orElse(m2.resolve("repository"));
    }

    static List<RemoteRepository> remote() {
        Optional<String> configured = Setting.MAVEN_REPOSITORIES.value();
        List<String> urls = configured.map(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(url -> !url.isEmpty()).toList())
            .orElseGet(() -> List.of(settings(m2Folder()).flatMap(MavenRepositories::centralMirror).orElse(CENTRAL)));
        List<RemoteRepository> repositories = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            repositories.add(new RemoteRepository.Builder(i == 0 ? "central" : "repository-" + i, "default", urls.get(i))
                .build());
        }
        return repositories;
    }

    private static Path m2Folder() {
        Path fromProperty = Path.of(System.getProperty("user.home"), ".m2");
        String home = System.getenv("HOME");
        if (Files.isDirectory(fromProperty) || home == null || home.isBlank()) {
            return fromProperty;
        }
        return Path.of(home, ".m2");
    }

    private static Optional<Document> settings(Path m2) {
        Path file = m2.resolve("settings.xml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return Optional.of(factory.newDocumentBuilder().parse(file.toFile()));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot read Maven settings " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> centralMirror(Document settings) {
        NodeList mirrors = settings.getElementsByTagName("mirror");
        for (int i = 0; i < mirrors.getLength(); i++) {
            Element mirror = (Element) mirrors.item(i);
            Optional<String> mirrorOf = text(mirror, "mirrorOf");
            Optional<String> url = text(mirror, "url");
            if (url.isPresent() && mirrorOf.isPresent() && mirrorsCentral(mirrorOf.get())) {
                return url;
            }
        }
        return Optional.empty();
    }

    private static boolean mirrorsCentral(String mirrorOf) {
        List<String> patterns = Arrays.stream(mirrorOf.split(",")).map(String::trim).toList();
        return !patterns.contains("!central")
            && (patterns.contains("*") || patterns.contains("central") || patterns.contains("external:*"));
    }

    private static Optional<String> text(Document document, String tag) {
        return text(document.getDocumentElement(), tag);
    }

    private static Optional<String> text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            return Optional.empty();
        }
        String value = nodes.item(0).getTextContent().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String interpolate(String value) {
        String home = System.getenv("HOME");
        return value.replace("${user.home}", System.getProperty("user.home"))
            .replace("${env.HOME}", home == null ? "" : home);
    }
}
