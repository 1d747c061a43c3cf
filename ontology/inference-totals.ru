# Reform KG inference totals: the inferences that count over every batch, run once by
# io.reformkg.inference.Inference after ontology/inference.ru has run on all of them. The caller
# binds ?inferred, the inferred graph, as for inference.ru. See docs/inference.md.

PREFIX rkg:    <https://w3id.org/reform-kg/def/>

# Each co-guidance link is weighted by the number of measures it shares. The solutions are
# distinct (one rkg:sharedMeasure triple per measure), so COUNT needs no DISTINCT, whose set per
# link would hold every shared measure of a national corpus in memory.
INSERT { GRAPH ?inferred { ?link rkg:weight ?sharedMeasures } }
WHERE {
  SELECT ?link (COUNT(?measure) AS ?sharedMeasures)
  WHERE { GRAPH ?inferred { ?link a rkg:CoGuidance ; rkg:sharedMeasure ?measure } }
  GROUP BY ?link
}
