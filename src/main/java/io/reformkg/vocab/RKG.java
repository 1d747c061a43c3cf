package io.reformkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The Reform KG ontology's own terms ({@code ontology/reform-kg.ttl}), in the style of Jena's vocabulary classes. */
public final class RKG {
    public static final String NS = "https://w3id.org/reform-kg/def/";
    public static final String PREFIX = "rkg";

    /** The ontology itself. */
    public static final Resource ONTOLOGY = ResourceFactory.createResource(NS);

    public static final Resource ReformList = resource("ReformList");
    public static final Resource ListSection = resource("ListSection");
    public static final Resource Measure = resource("Measure");
    public static final Resource Guidance = resource("Guidance");
    public static final Resource GuidingBody = resource("GuidingBody");
    public static final Resource Region = resource("Region");
    public static final Resource Nation = resource("Nation");
    public static final Resource PilotRegion = resource("PilotRegion");
    public static final Resource AdministrativeDivision = resource("AdministrativeDivision");
    public static final Resource Province = resource("Province");
    public static final Resource PrefectureCity = resource("PrefectureCity");
    public static final Resource County = resource("County");
    public static final Resource SourceDocument = resource("SourceDocument");
    public static final Resource CoGuidance = resource("CoGuidance");
    public static final Resource OverallCoGuidance = resource("OverallCoGuidance");
    public static final Resource CategoryCoGuidance = resource("CategoryCoGuidance");
    public static final Resource CategoryScheme = resource("CategoryScheme");
    public static final Resource ScopeScheme = resource("ScopeScheme");
    public static final Resource BodyKindScheme = resource("BodyKindScheme");

    public static final Property section = property("section");
    public static final Property category = property("category");
    public static final Property guidance = property("guidance");
    public static final Property body = property("body");
    public static final Property guides = property("guides");
    public static final Property leadBody = property("leadBody");
    public static final Property promotionScope = property("promotionScope");
    public static final Property coversRegion = property("coversRegion");
    public static final Property promotedIn = property("promotedIn");
    public static final Property memberArea = property("memberArea");
    public static final Property within = property("within");
    public static final Property containsRegion = property("containsRegion");
    public static final Property involvedInCategory = property("involvedInCategory");
    public static final Property coGuides = property("coGuides");
    public static final Property currentSuccessor = property("currentSuccessor");
    public static final Property coGuidance = property("coGuidance");
    public static final Property partner = property("partner");
    public static final Property sharedMeasure = property("sharedMeasure");
    public static final Property inCategory = property("inCategory");
    public static final Property sequenceNumber = property("sequenceNumber");
    public static final Property position = property("position");
    public static final Property declaredMeasureCount = property("declaredMeasureCount");
    public static final Property presentMeasureCount = property("presentMeasureCount");
    public static final Property batch = property("batch");
    public static final Property sourceLine = property("sourceLine");
    public static final Property scopeText = property("scopeText");
    public static final Property listName = property("listName");
    public static final Property placeName = property("placeName");
    public static final Property weight = property("weight");
    public static final Property sha256 = property("sha256");
    public static final Property fileName = property("fileName");
    public static final Property issuerName = property("issuerName");
    public static final Property noticeTitle = property("noticeTitle");

    private RKG() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
