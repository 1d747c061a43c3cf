# Reform KG inference rules: what the ontology implies, materialised at build time so plain
# SPARQL finds it without a reasoner. SPARQL 1.1 Update, run by io.reformkg.inference.Inference
# (see docs/inference.md) once per batch: a batch is one named graph of the build (the ontology,
# the reference data, one source list), so a corpus of any size is inferred in bounded memory.
# The totals that need every batch (co-guidance weights) are in inference-totals.ru, run after.
#
# The caller binds (ParameterizedSparqlString):
#   BASE       the IRI base of the data (IRI("coguidance/...") resolves against it),
#   ?inferred  the named graph that receives every inferred triple ({base}graph/inferred), and
#   ?batch     the named graph whose triples drive the rules;
# and the default graph holds what the rules join them with: the batch plus the ontology and the
# reference data. Every rule starts from triples of the batch graph and joins only what that batch
# and the shared graphs hold, so per batch it derives what it would over the whole dataset.
# Inferring a whole dataset at once binds ?batch to <urn:x-arq:UnionGraph> and makes the default
# graph the union of the named graphs.

# Every rule is linear in the number of measures: nothing here joins measures with places.
# "Where does a measure apply" stays one join at query time:
#   ?place rkg:within ?region . ?scope rkg:coversRegion ?region . ?measure rkg:promotionScope ?scope

PREFIX rkg:    <https://w3id.org/reform-kg/def/>
PREFIX eli:    <http://data.europa.eu/eli/ontology#>
PREFIX org:    <http://www.w3.org/ns/org#>
PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>

# 0. Start afresh: inferring again never keeps stale inferences.
DROP SILENT GRAPH ?inferred ;

# 1. Types: a resource is an instance of every superclass of its classes, as the ontology states
# them (rdf:type closed over rdfs:subClassOf), so `?x a rkg:AdministrativeDivision` finds the
# counties, cities and provinces and `?x a org:Organization` the bodies (W3C ORG's own axiom,
# org:FormalOrganization a kind of org:Organization, is given here: the graph holds no statement
# about another vocabulary's terms). From the few pairs of classes, then the batch's resources of
# each; a type the batch states already is not repeated.
INSERT { GRAPH ?inferred { ?resource a ?superclass } }
WHERE {
  {
    SELECT DISTINCT ?class ?superclass
    WHERE {
      { ?class rdfs:subClassOf+ ?superclass }
      UNION { VALUES (?class ?superclass) { (org:FormalOrganization org:Organization) } }
    }
  }
  GRAPH ?batch { ?resource a ?class }
  FILTER NOT EXISTS { GRAPH ?batch { ?resource a ?superclass } }
} ;

# 1b. Inverse relations.
# rkg:guides is owl:inverseOf eli:responsibility_of: a body's measures.
INSERT { GRAPH ?inferred { ?body rkg:guides ?measure } }
WHERE { GRAPH ?batch { ?measure eli:responsibility_of ?body } } ;

# eli:has_part is ELI's inverse of eli:is_part_of (rkg:section is a subproperty of it):
# a list's and a section's measures.
INSERT { GRAPH ?inferred { ?whole eli:has_part ?measure } }
WHERE { GRAPH ?batch { ?measure a rkg:Measure ; eli:is_part_of|rkg:section ?whole } } ;

# 2. Each measure's lead body: the body in position 1 of its guidance.
INSERT { GRAPH ?inferred { ?measure rkg:leadBody ?body } }
WHERE {
  GRAPH ?batch {
    ?measure rkg:guidance ?guidance .
    ?guidance rkg:position ?position ; rkg:body ?body .
    FILTER (?position = 1)
  }
} ;

# 3. The categories each body is involved in.
INSERT { GRAPH ?inferred { ?body rkg:involvedInCategory ?category } }
WHERE { GRAPH ?batch { ?measure eli:responsibility_of ?body ; rkg:category ?category } } ;

# 4. Each body's current successor: follow org:changedBy / org:resultingOrganization to a body
# that no reorganisation has changed. A body never reorganised is its own current successor
# (the zero-length path), so "who holds these functions today" is one triple for every body.
# A body abolished without a successor has none.
INSERT { GRAPH ?inferred { ?body rkg:currentSuccessor ?current } }
WHERE {
  GRAPH ?batch { ?body a org:FormalOrganization }
  ?body (org:changedBy/org:resultingOrganization)* ?current .
  FILTER NOT EXISTS { ?current org:changedBy ?laterChange }
} ;

# 5. Containment (rkg:within, transitive, a subproperty of schema:containedInPlace).
# Every division lies within each division above it and the nation ...
INSERT { GRAPH ?inferred { ?place rkg:within ?enclosing } }
WHERE {
  GRAPH ?batch { ?place schema:containedInPlace ?parent }
  ?parent schema:containedInPlace* ?enclosing
} ;

# ... within each pilot region one of whose member areas is it or encloses it ...
INSERT { GRAPH ?inferred { ?place rkg:within ?region } }
WHERE {
  GRAPH ?batch { ?region a rkg:PilotRegion ; rkg:memberArea ?member }
  ?place schema:containedInPlace* ?member
} ;

# ... and every pilot region lies within the nation.
INSERT { GRAPH ?inferred { ?region rkg:within ?nation } }
WHERE { GRAPH ?batch { ?region a rkg:PilotRegion } ?nation a rkg:Nation } ;

# 6. The regions each measure is promoted in, from its scope (at most the 8 pilot regions, or
# the few divisions a list names: linear in measures).
INSERT { GRAPH ?inferred { ?measure rkg:promotedIn ?region } }
WHERE { GRAPH ?batch { ?measure rkg:promotionScope ?scope } ?scope rkg:coversRegion ?region } ;

# 7. Co-guidance. Symmetric rkg:coGuides between two bodies that guide a measure together ...
INSERT { GRAPH ?inferred { ?bodyA rkg:coGuides ?bodyB } }
WHERE {
  GRAPH ?batch {
    ?measure eli:responsibility_of ?bodyA , ?bodyB .
    FILTER (?bodyA != ?bodyB)
  }
} ;

# ... plus a qualified rkg:CoGuidance link per pair (an rkg:OverallCoGuidance), {base}coguidance/A-B with the body ids in
# code-point order (as graph.IriScheme#coGuidance), holding the shared measures (the link's
# rkg:weight, their number, is counted over all batches by inference-totals.ru) ...
INSERT {
  GRAPH ?inferred {
    ?link a rkg:CoGuidance , rkg:OverallCoGuidance ; rkg:partner ?bodyA , ?bodyB ; rkg:sharedMeasure ?measure .
    ?bodyA rkg:coGuidance ?link .
    ?bodyB rkg:coGuidance ?link .
  }
}
WHERE {
  GRAPH ?batch { ?measure eli:responsibility_of ?bodyA , ?bodyB }
  ?bodyA skos:notation ?idA . ?bodyB skos:notation ?idB .
  FILTER (STR(?idA) < STR(?idB))
  BIND (IRI(CONCAT("coguidance/", STR(?idA), "-", STR(?idB))) AS ?link)
} ;

# ... and one per pair and category (an rkg:CategoryCoGuidance), {base}coguidance/A-B/CATEGORY,
# with rkg:inCategory ...
INSERT {
  GRAPH ?inferred {
    ?link a rkg:CoGuidance , rkg:CategoryCoGuidance ; rkg:partner ?bodyA , ?bodyB ; rkg:inCategory ?category ;
          rkg:sharedMeasure ?measure .
    ?bodyA rkg:coGuidance ?link .
    ?bodyB rkg:coGuidance ?link .
  }
}
WHERE {
  GRAPH ?batch { ?measure eli:responsibility_of ?bodyA , ?bodyB ; rkg:category ?category }
  ?bodyA skos:notation ?idA . ?bodyB skos:notation ?idB . ?category skos:notation ?categoryId .
  FILTER (STR(?idA) < STR(?idB))
  BIND (IRI(CONCAT("coguidance/", STR(?idA), "-", STR(?idB), "/", STR(?categoryId))) AS ?link)
}
