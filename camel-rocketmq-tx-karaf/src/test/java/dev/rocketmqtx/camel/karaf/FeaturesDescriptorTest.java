package dev.rocketmqtx.camel.karaf;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published features descriptor is valid for Karaf 4.4 and names exactly the artifacts this build uses. It is
 * not installed into a container here (see the module's README section in the project README).
 */
class FeaturesDescriptorTest {

    private static final String SCHEMA = "org/apache/karaf/features/karaf-features-1.6.0.xsd";
    private static final Pattern MVN = Pattern.compile("mvn:([^/]+)/([^/]+)/([^/$]+)");

    private final File descriptor = new File(System.getProperty("features.file", "target/feature/features.xml"));

    @Test
    void isValidAgainstTheKarafFeaturesSchema() throws Exception {
        URL schema = getClass().getClassLoader().getResource(SCHEMA);
        assertThat(schema).as(SCHEMA).isNotNull();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(descriptor));
    }

    @Test
    void installsTheComponentOnCamelCoreAndTheRocketMQClient() throws Exception {
        Element feature = feature("camel-rocketmq-tx");

        assertThat(texts(feature, "bundle")).containsExactly("mvn:dev.rocketmqtx/camel-rocketmq-tx/0.1.0-SNAPSHOT");
        assertThat(texts(feature, "feature")).containsExactly("camel-core", "rocketmq-client");
        assertThat(((Element) feature.getElementsByTagName("feature").item(0)).getAttribute("version"))
                .isEqualTo("[4.18,5)");
        // the Camel Karaf line of the Camel this build uses (4.22.0 by default, 4.18.0 with -Pcamel-4.18)
        assertThat(texts(document().getDocumentElement(), "repository")).containsExactly(
                "mvn:org.apache.camel.karaf/apache-camel/" + System.getProperty("camel.version") + "/xml/features");
    }

    @Test
    void rocketMQClientFeatureWrapsTheClientJars() throws Exception {
        List<String> bundles = texts(feature("rocketmq-client"), "bundle");

        for (String module : List.of("rocketmq-common", "rocketmq-remoting", "rocketmq-client")) {
            assertThat(bundles).anySatisfy(bundle -> assertThat(bundle)
                    .startsWith("wrap:mvn:org.apache.rocketmq/" + module + "/5.5.0$")
                    .contains("Export-Package=*;version=5.5.0", "Import-Package=*;resolution:=optional"));
        }
    }

    @Test
    void everyBundleHasTheVersionThisBuildResolves() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String bundle : texts(document().getDocumentElement(), "bundle")) {
            Matcher mvn = MVN.matcher(bundle);
            assertThat(mvn.find()).as(bundle).isTrue();
            String artifact = mvn.group(2);
            String version = mvn.group(3);
            String jar = classpathJar(artifact);
            if (artifact.equals("camel-rocketmq-tx")) {
                continue; // the reactor's own module, as a folder or jar of this version
            }
            if (jar == null || !jar.endsWith(File.separator + artifact + "-" + version + ".jar")) {
                mismatches.add(bundle + " but the build uses " + jar);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String classpathJar(String artifact) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.matches(Pattern.quote(artifact) + "-\\d.*\\.jar")) {
                return entry;
            }
        }
        return null;
    }

    private Element feature(String name) throws Exception {
        NodeList features = document().getDocumentElement().getElementsByTagName("feature");
        for (int i = 0; i < features.getLength(); i++) {
            Element feature = (Element) features.item(i);
            if (feature.getParentNode().getNodeName().equals("features") && feature.getAttribute("name").equals(name)) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + name + " in " + descriptor);
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private Document document() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(descriptor);
    }
}
