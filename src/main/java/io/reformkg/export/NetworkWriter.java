package io.reformkg.export;

import io.reformkg.export.AnalysisTables.BodyRecord;
import io.reformkg.export.AnalysisTables.CoGuidanceEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the body co-guidance network for Gephi and networkx: one node per guiding body, one
 * undirected edge per pair of bodies that guide at least one measure together, weighted by
 * the number of measures they share. GraphML and GEXF 1.2 carry the same nodes, edges and
 * attributes.
 */
final class NetworkWriter {
    static final String GRAPHML_FILE = "co-guidance.graphml";
    static final String GEXF_FILE = "co-guidance.gexf";
    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    static final String GEXF_NS = "http://www.gexf.net/1.2draft";

    private NetworkWriter() {
    }

    static Path graphml(AnalysisTables tables, Path dir) {
        Path file = dir.resolve(GRAPHML_FILE);
        write(file, xml -> {
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(GRAPHML_NS);
            key(xml, "label", "node", "label", "string");
            key(xml, "name_zh", "node", "name_zh", "string");
            key(xml, "name_en", "node", "name_en", "string");
            key(xml, "iri", "node", "iri", "string");
            key(xml, "measures", "node", "measures", "int");
            key(xml, "lead_measures", "node", "lead_measures", "int");
            key(xml, "weight", "edge", "weight", "int");
            key(xml, "shared", "edge", "shared_measures", "string");
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "co-guidance");
            xml.writeAttribute("edgedefault", "undirected");
            Set<String> nodes = new HashSet<>();
            for (BodyRecord body : tables.bodies()) {
                nodes.add(body.id());
                xml.writeStartElement("node");
                xml.writeAttribute("id", body.id());
                data(xml, "label", body.listName());
                data(xml, "name_zh", body.nameZh());
                data(xml, "name_en", body.nameEn());
                data(xml, "iri", body.iri());
                data(xml, "measures", String.valueOf(body.measureCount()));
                data(xml, "lead_measures", String.valueOf(body.leadCount()));
                xml.writeEndElement();
            }
            int index = 0;
            for (CoGuidanceEdge edge : edges(tables, nodes)) {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", "e" + index++);
                xml.writeAttribute("source", edge.bodyA());
                xml.writeAttribute("target", edge.bodyB());
                data(xml, "weight", String.valueOf(edge.weight()));
                data(xml, "shared", String.join(" ", edge.measures()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
        return file;
    }

    static Path gexf(AnalysisTables tables, Path dir) {
        Path file = dir.resolve(GEXF_FILE);
        write(file, xml -> {
            xml.writeStartElement("gexf");
            xml.writeDefaultNamespace(GEXF_NS);
            xml.writeAttribute("version", "1.2");
            xml.writeStartElement("meta");
            xml.writeStartElement("creator");
            xml.writeCharacters("reform-kg");
            xml.writeEndElement();
            xml.writeStartElement("description");
            xml.writeCharacters("Guiding bodies linked when they guide a measure together; weight = shared measures");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("graph");
            xml.writeAttribute("mode", "static");
            xml.writeAttribute("defaultedgetype", "undirected");
            xml.writeStartElement("attributes");
            xml.writeAttribute("class", "node");
            attribute(xml, "name_zh", "string");
            attribute(xml, "name_en", "string");
            attribute(xml, "iri", "string");
            attribute(xml, "measures", "integer");
            attribute(xml, "lead_measures", "integer");
            xml.writeEndElement();
            xml.writeStartElement("attributes");
            xml.writeAttribute("class", "edge");
            attribute(xml, "shared_measures", "string");
            xml.writeEndElement();
            xml.writeStartElement("nodes");
            Set<String> nodes = new HashSet<>();
            for (BodyRecord body : tables.bodies()) {
                nodes.add(body.id());
                xml.writeStartElement("node");
                xml.writeAttribute("id", body.id());
                xml.writeAttribute("label", body.listName());
                xml.writeStartElement("attvalues");
                attvalue(xml, "name_zh", body.nameZh());
                attvalue(xml, "name_en", body.nameEn());
                attvalue(xml, "iri", body.iri());
                attvalue(xml, "measures", String.valueOf(body.measureCount()));
                attvalue(xml, "lead_measures", String.valueOf(body.leadCount()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeStartElement("edges");
            int index = 0;
            for (CoGuidanceEdge edge : edges(tables, nodes)) {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", String.valueOf(index++));
                xml.writeAttribute("source", edge.bodyA());
                xml.writeAttribute("target", edge.bodyB());
                xml.writeAttribute("weight", String.valueOf(edge.weight()));
                xml.writeStartElement("attvalues");
                attvalue(xml, "shared_measures", String.join(" ", edge.measures()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
        return file;
    }

    /** The edges between listed bodies; a pair with a body outside the list would dangle. */
    private static java.util.List<CoGuidanceEdge> edges(AnalysisTables tables, Set<String> nodes) {
        return tables.coGuidance().stream()
                .filter(edge -> nodes.contains(edge.bodyA()) && nodes.contains(edge.bodyB())).toList();
    }

    private static void key(XMLStreamWriter xml, String id, String scope, String name, String type)
            throws XMLStreamException {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", scope);
        xml.writeAttribute("attr.name", name);
        xml.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String id, String type) throws XMLStreamException {
        xml.writeEmptyElement("attribute");
        xml.writeAttribute("id", id);
        xml.writeAttribute("title", id);
        xml.writeAttribute("type", type);
    }

    private static void attvalue(XMLStreamWriter xml, String attribute, String value) throws XMLStreamException {
        xml.writeEmptyElement("attvalue");
        xml.writeAttribute("for", attribute);
        xml.writeAttribute("value", value);
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void write(Path file, Body body) {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
