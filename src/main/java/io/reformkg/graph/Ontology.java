package io.reformkg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

/** The ontology and SHACL shapes that ship in the jar (copied from {@code ontology/} at build). */
public final class Ontology {
    public static final String ONTOLOGY_RESOURCE = "ontology/reform-kg.ttl";
    public static final String SHAPES_RESOURCE = "ontology/shapes.ttl";

    private Ontology() {
    }

    public static Model load() {
        return loadTurtle(ONTOLOGY_RESOURCE);
    }

    public static Model shapes() {
        return loadTurtle(SHAPES_RESOURCE);
    }

    /** Reads a Turtle file from the classpath. */
    public static Model loadTurtle(String resource) {
        try (InputStream in = Ontology.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it with mvn package");
            }
            Model model = ModelFactory.createDefaultModel();
            RDFParser.create().source(in).lang(Lang.TURTLE).parse(model);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
