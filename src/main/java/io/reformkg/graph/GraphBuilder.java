package io.reformkg.graph;

import io.reformkg.reference.Body;
import io.reformkg.reference.Division;
import io.reformkg.reference.PilotRegion;
import io.reformkg.reference.PlaceIndex;
import io.reformkg.reference.ReferenceData;
import io.reformkg.reference.Scope;
import io.reformkg.reference.Term;
import io.reformkg.source.ParsedList;
import io.reformkg.source.ParsedMeasure;
import io.reformkg.source.ParsedScope;
import io.reformkg.source.ParsedSection;
import io.reformkg.source.Publication;
import io.reformkg.source.SourceSet;
import io.reformkg.vocab.ELI;
import io.reformkg.vocab.PROV;
import io.reformkg.vocab.RKG;
import io.reformkg.vocab.SCHEMA;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The entry point of the graph-building stage: turns reference data and parsed lists into an
 * RDF dataset with one named graph per source ({@link IriScheme#sourceGraph}), one for the
 * reference data and one for the ontology. Build one with {@link #create()}.
 */
public final class GraphBuilder {
    private final IriScheme iris;
    private final ReferenceData reference;
    private final SourceSet sources;
    private final Model ontology;
    private final PlaceIndex places;

    private GraphBuilder(Builder builder) {
        this.iris = builder.iris;
        this.reference = Objects.requireNonNull(builder.reference, "reference data");
        this.places = reference.places();
        this.sources = Objects.requireNonNull(builder.sources, "sources");
        this.ontology = builder.ontology == null ? Ontology.load() : builder.ontology;
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private IriScheme iris = IriScheme.defaults();
        private ReferenceData reference;
        private SourceSet sources;
        private Model ontology;

        private Builder() {
        }

        public Builder iris(IriScheme scheme) {
            this.iris = scheme;
            return this;
        }

        public Builder reference(ReferenceData data) {
            this.reference = data;
            return this;
        }

        public Builder sources(SourceSet set) {
            this.sources = set;
            return this;
        }

        /** The ontology to include; by default the one shipped in {@code ontology/}. */
        public Builder ontology(Model model) {
            this.ontology = model;
            return this;
        }

        /** Builds the whole graph into a new in-memory dataset. */
        public Dataset build() {
            Dataset dataset = DatasetFactory.createTxnMem();
            dataset.getPrefixMapping().setNsPrefixes(Prefixes.ALL);
            Txn.executeWrite(dataset, () -> buildInto(dataset::addNamedModel));
            return dataset;
        }

        /**
         * Hands the graphs to {@code sink} one by one: the ontology, the reference data, then
         * one graph per source list, parsed as it comes, so only one list is in memory at a time.
         */
        public void buildInto(GraphSink sink) {
            new GraphBuilder(this).writeTo(sink);
        }
    }

    private void writeTo(GraphSink sink) {
        sink.accept(iris.ontologyGraph(), ontology);
        sink.accept(iris.referenceGraph(), referenceModel());
        for (ParsedList list : sources) {
            sink.accept(iris.sourceGraph(list.entry().batch()), listModel(list));
        }
    }

    private static Model newModel() {
        // GraphMem2: the rules and shapes read a list's graph with find; the older same-value
        // default graph is several times slower at it, and every literal here is written one way
        Model model = ModelFactory.createModelForGraph(GraphMemFactory.createDefaultGraphSameTerm());
        model.setNsPrefixes(Prefixes.ALL);
        return model;
    }

    private Model referenceModel() {
        Model model = newModel();
        Map<String, Resource> bodies = new HashMap<>();
        for (Term kind : reference.bodyKinds()) {
            concept(model, iris.bodyKind(kind.id()), RKG.BodyKindScheme, kind);
        }
        for (Body body : reference.bodies()) {
            Resource resource = model.createResource(iris.body(body.id()))
                    .addProperty(RDF.type, ORG.FormalOrganization)
                    .addProperty(RDFS.label, model.createLiteral(body.officialName(), "zh"))
                    .addProperty(RDFS.label, model.createLiteral(body.englishName(), "en"))
                    .addProperty(RKG.listName, model.createLiteral(body.shortName(), "zh"))
                    .addProperty(SKOS.notation, body.id())
                    .addProperty(ORG.classification, model.createResource(iris.bodyKind(body.kind())));
            if (body.isListed()) {
                resource.addProperty(RDF.type, RKG.GuidingBody);
            }
            if (body.established() != null) {
                resource.addProperty(DCTerms.created, date(model, body.established()));
            }
            bodies.put(body.id(), resource);
        }
        for (Body body : reference.bodies()) {
            if (body.partOf() != null) {
                bodies.get(body.id()).addProperty(ORG.subOrganizationOf, bodies.get(body.partOf()));
            }
            if (body.successor() != null) {
                Resource event = model.createResource(iris.changeEvent(body.id()))
                        .addProperty(RDF.type, ORG.ChangeEvent)
                        .addProperty(RDFS.label, model.createLiteral(body.shortName() + "职能划入"
                                + bodies.get(body.successor()).getProperty(RDFS.label, "zh").getString(), "zh"))
                        .addProperty(RDFS.label, model.createLiteral("Functions of " + body.id() + " passed to "
                                + body.successor(), "en"))
                        .addProperty(ORG.originalOrganization, bodies.get(body.id()))
                        .addProperty(ORG.resultingOrganization, bodies.get(body.successor()));
                if (body.dissolved() != null) {
                    event.addProperty(PROV.atTime, date(model, body.dissolved()));
                    bodies.get(body.id()).addProperty(PROV.invalidatedAtTime, date(model, body.dissolved()));
                }
                bodies.get(body.id()).addProperty(ORG.changedBy, event);
                bodies.get(body.successor()).addProperty(ORG.resultedFrom, event);
            }
        }
        for (Term category : reference.categories()) {
            concept(model, iris.category(category.id()), RKG.CategoryScheme, category);
        }
        Term nation = reference.nation();
        labelled(model.createResource(iris.region(nation.id())), nation.zh(), nation.en())
                .addProperty(RDF.type, RKG.Nation)
                .addProperty(RKG.placeName, model.createLiteral(nation.zh(), "zh"));
        for (PilotRegion region : reference.pilotRegions()) {
            Resource resource = labelled(model.createResource(iris.region(region.id())), region.zh(), region.en())
                    .addProperty(RDF.type, RKG.PilotRegion)
                    .addProperty(RKG.placeName, model.createLiteral(region.zh(), "zh"))
                    .addProperty(SKOS.notation, region.id());
            region.members().forEach(code -> resource.addProperty(RKG.memberArea,
                    model.createResource(iris.division(code))));
        }
        for (Scope scope : reference.scopes()) {
            Resource resource = concept(model, iris.scope(scope.id()), RKG.ScopeScheme,
                    new Term(scope.id(), scope.zh(), scope.en()))
                    .addProperty(RKG.scopeText, model.createLiteral(scope.text(), "zh"));
            scope.regions().forEach(id -> resource.addProperty(RKG.coversRegion,
                    model.createResource(iris.region(id))));
        }
        concept(model, iris.scope(reference.localScope().id()), RKG.ScopeScheme, reference.localScope());
        for (Division division : reference.divisions()) {
            addDivision(model, division);
        }
        return model;
    }

    private void addDivision(Model model, Division division) {
        Resource resource = model.createResource(iris.division(division.code()))
                .addProperty(RDF.type, switch (division.level()) {
                    case PROVINCE -> RKG.Province;
                    case CITY -> RKG.PrefectureCity;
                    case COUNTY -> RKG.County;
                })
                .addProperty(RDFS.label, model.createLiteral(division.name(), "zh"))
                .addProperty(RKG.placeName, model.createLiteral(division.name(), "zh"))
                .addProperty(SKOS.notation, division.code())
                .addProperty(SCHEMA.containedInPlace, model.createResource(division.parentCode() == null
                        ? iris.region(reference.nation().id()) : iris.division(division.parentCode())));
        for (String name : places.alternatives(division)) {
            resource.addProperty(SKOS.altLabel, model.createLiteral(name, "zh"))
                    .addProperty(RKG.placeName, model.createLiteral(name, "zh"));
        }
    }

    private Model listModel(ParsedList list) {
        Model model = newModel();
        int batch = list.entry().batch();
        Resource source = model.createResource(iris.source(batch))
                .addProperty(RDF.type, RKG.SourceDocument)
                .addProperty(DCTerms.title, model.createLiteral(list.title(), "zh"))
                .addProperty(RDFS.label, model.createLiteral(list.entry().file()))
                .addProperty(RKG.fileName, list.entry().file())
                .addProperty(DCTerms.format, "text/plain; charset=utf-8")
                .addProperty(RKG.sha256, model.createTypedLiteral(list.sha256(), XSDDatatype.XSDhexBinary));
        Resource listResource = model.createResource(iris.list(batch))
                .addProperty(RDF.type, RKG.ReformList)
                .addProperty(ELI.title, model.createLiteral(list.entry().title(), "zh"))
                .addProperty(RDFS.label, model.createLiteral(list.entry().title(), "zh"))
                .addLiteral(RKG.batch, integer(model, batch))
                .addLiteral(RKG.declaredMeasureCount, integer(model, list.declaredCount()))
                .addLiteral(RKG.presentMeasureCount, integer(model, (int) list.measures().count()))
                .addProperty(ELI.is_embodied_by, source)
                .addProperty(PROV.wasDerivedFrom, source);
        if (list.entry().titleEn() != null) {
            listResource.addProperty(RDFS.label, model.createLiteral(list.entry().titleEn(), "en"));
        }
        if (list.entry().publication() != null) {
            addPublication(model, listResource, list.entry().publication());
        }
        for (ParsedSection section : list.sections()) {
            Resource category = model.createResource(iris.category(reference.categoryByName(section.category())
                    .orElseThrow().id()));
            Resource sectionResource = model.createResource(iris.section(batch, section.number()))
                    .addProperty(RDF.type, RKG.ListSection)
                    .addProperty(RDFS.label, model.createLiteral(section.heading(), "zh"))
                    .addProperty(ELI.is_part_of, listResource)
                    .addProperty(RKG.category, category)
                    .addLiteral(RKG.sequenceNumber, integer(model, section.number()))
                    .addLiteral(RKG.declaredMeasureCount, integer(model, section.declaredCount()))
                    .addLiteral(RKG.presentMeasureCount, integer(model, section.measures().size()))
                    .addLiteral(RKG.sourceLine, integer(model, section.line()));
            listResource.addProperty(ELI.has_part, sectionResource);
            for (ParsedMeasure measure : section.measures()) {
                addMeasure(model, batch, measure, listResource, sectionResource, category, source);
            }
        }
        return model;
    }

    private static void addPublication(Model model, Resource list, Publication publication) {
        list.addProperty(RKG.issuerName, model.createLiteral(publication.issuer(), "zh"))
                .addProperty(RKG.noticeTitle, model.createLiteral(publication.notice(), "zh"))
                .addProperty(DCTerms.issued, model.createTypedLiteral(String.valueOf(publication.year()),
                        XSDDatatype.XSDgYear))
                .addProperty(SKOS.editorialNote, model.createLiteral(publication.attribution(), "en"));
        if (publication.issuerEn() != null) {
            list.addProperty(RKG.issuerName, model.createLiteral(publication.issuerEn(), "en"));
        }
        if (publication.noticeEn() != null) {
            list.addProperty(RKG.noticeTitle, model.createLiteral(publication.noticeEn(), "en"));
        }
    }

    private void addMeasure(Model model, int batch, ParsedMeasure measure, Resource list, Resource section,
                            Resource category, Resource source) {
        Resource resource = model.createResource(iris.measure(batch, measure.number()))
                .addProperty(RDF.type, RKG.Measure)
                .addProperty(ELI.is_part_of, list)
                .addProperty(RKG.section, section)
                .addProperty(RKG.category, category)
                .addLiteral(RKG.sequenceNumber, integer(model, measure.number()))
                .addProperty(ELI.number, String.valueOf(measure.number()))
                .addProperty(ELI.title, model.createLiteral(measure.title(), "zh"))
                .addProperty(RDFS.label, model.createLiteral(measure.title(), "zh"))
                .addProperty(ELI.description, model.createLiteral(measure.content(), "zh"))
                .addProperty(RKG.promotionScope, scope(model, measure.scope()))
                .addLiteral(RKG.sourceLine, integer(model, measure.line()))
                .addProperty(PROV.wasDerivedFrom, source);
        List<String> bodies = measure.guidingBodies();
        for (int i = 0; i < bodies.size(); i++) {
            Resource body = model.createResource(iris.body(reference.bodyByShortName(bodies.get(i))
                    .orElseThrow().id()));
            resource.addProperty(ELI.responsibility_of, body);
            resource.addProperty(RKG.guidance, model.createResource(iris.guidance(batch, measure.number(), i + 1))
                    .addProperty(RDF.type, RKG.Guidance)
                    .addProperty(RKG.body, body)
                    .addLiteral(RKG.position, integer(model, i + 1)));
        }
    }

    /**
     * A scope of the reference data, or one that names divisions: a narrower concept of the
     * local scope, one per set of divisions ({@code local/3401-3402}), described once in the
     * graph of each list that uses it.
     */
    private Resource scope(Model model, ParsedScope scope) {
        if (!scope.namesDivisions()) {
            return model.createResource(iris.scope(reference.scopeByText(scope.text()).orElseThrow().id()));
        }
        Term local = reference.localScope();
        Resource resource = model.createResource(iris.divisionScope(local.id(), scope.divisionCodes()));
        if (resource.hasProperty(SKOS.broader)) {
            return resource;
        }
        String names = String.join("、", scope.divisionCodes().stream()
                .map(code -> places.uniqueName(places.division(code))).toList());
        String notation = local.id() + "/" + String.join("-", scope.divisionCodes());
        concept(model, resource.getURI(), RKG.ScopeScheme, new Term(notation, local.zh() + "：" + names,
                local.en() + ": " + names))
                .addProperty(SKOS.broader, model.createResource(iris.scope(local.id())));
        scope.divisionCodes().forEach(code -> resource.addProperty(RKG.coversRegion,
                model.createResource(iris.division(code))));
        return resource;
    }

    private static Resource concept(Model model, String iri, Resource scheme, Term term) {
        return labelled(model.createResource(iri), term.zh(), term.en())
                .addProperty(RDF.type, SKOS.Concept)
                .addProperty(SKOS.inScheme, scheme)
                .addProperty(SKOS.prefLabel, model.createLiteral(term.zh(), "zh"))
                .addProperty(SKOS.prefLabel, model.createLiteral(term.en(), "en"))
                .addProperty(SKOS.notation, term.id());
    }

    private static Resource labelled(Resource resource, String zh, String en) {
        Model model = resource.getModel();
        return resource.addProperty(RDFS.label, model.createLiteral(zh, "zh"))
                .addProperty(RDFS.label, model.createLiteral(en, "en"));
    }

    private static Literal date(Model model, LocalDate date) {
        return model.createTypedLiteral(date.toString(), XSDDatatype.XSDdate);
    }

    /**
     * Every whole number is an xsd:integer, so that a triple pattern matches it by value on any
     * store ({@code rkg:position 1}); a narrower type (xsd:positiveInteger) is a different term in
     * an in-memory graph, though TDB2 would store both as the same number.
     */
    private static Literal integer(Model model, int value) {
        return model.createTypedLiteral(String.valueOf(value), XSDDatatype.XSDinteger);
    }
}
