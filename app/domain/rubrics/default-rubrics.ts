import type { ScreenAreaKey } from "../screen-areas";
import type { RubricDraft } from "./types";

/**
 * The rubrics a fresh install starts from. They score ML *engineering*: taking a
 * model from a business problem to a system that keeps working in production.
 * Anchors describe what the interviewer hears or sees, so two interviewers can
 * reach the same score from the same answer. Core criteria weigh 3, the rest 2.
 */
export const DEFAULT_RUBRICS: Record<ScreenAreaKey, RubricDraft> = {
  problem_formulation: {
    areaKey: "problem_formulation",
    criteria: [
      {
        key: "prediction-target",
        title: "Prediction target and the decision it serves",
        lookFor:
          "Turns the business ask into a precise target: which entity, predicted at what moment, over what horizon. Names who acts on the prediction and which decision it changes, and asks whether ML beats a simple rule here at all.",
        weight: 3,
        anchors: {
          1: "Jumps to a model or algorithm; the target stays vague (\"predict churn\") and no user or decision is named, even when prompted.",
          2: "Names a target but leaves the entity, prediction time or horizon undefined, or cannot say which decision the prediction changes.",
          3: "Defines the target precisely (entity, prediction time, horizon) and ties it to a named user and the action the prediction triggers.",
          4: "Also compares alternative targets or a non-ML rule against the decision and argues for one, e.g. predicting uplift rather than churn.",
        },
      },
      {
        key: "metrics",
        title: "Offline metric tied to the business metric",
        lookFor:
          "An offline metric that matches how predictions are used (ranking, thresholded decision, estimate), a stated link to the business KPI, the cost of each error type, and guardrail metrics.",
        weight: 3,
        anchors: {
          1: "Defaults to accuracy or a generic metric with no link to the business outcome.",
          2: "Picks a plausible offline metric but cannot explain how improving it moves the business metric, or ignores class imbalance and error costs.",
          3: "Chooses a metric that matches the use (e.g. precision at the operating threshold, NDCG@k), explains how it maps to the business KPI, and names at least one guardrail.",
          4: "Also says where offline and business metrics diverge and how to verify the link (backtest on historical outcomes, online test), pricing false positives against false negatives with the business.",
        },
      },
      {
        key: "baseline",
        title: "Baseline and launch bar",
        lookFor:
          "A simple baseline to beat (current rule, popularity, linear model) and an agreed threshold for shipping, so effort on complex models is justified by measured gain.",
        weight: 2,
        anchors: {
          1: "No baseline; success is \"the best model we can get\".",
          2: "Mentions a baseline only when prompted, or has no agreed bar for launching.",
          3: "Proposes a concrete baseline and a launch bar stated relative to it.",
          4: "Plans to ship the baseline first to get the pipeline and feedback flowing, and sizes the expected gain before investing in a complex model.",
        },
      },
      {
        key: "serving-constraints",
        title: "Serving path and constraints",
        lookFor:
          "How predictions reach the consumer: batch or online, latency and throughput budgets, which features exist at prediction time, and what serving costs.",
        weight: 2,
        anchors: {
          1: "Does not consider how predictions reach users; treats the problem as a one-off analysis.",
          2: "States batch or online when asked, but gives no latency, volume or freshness figures, or uses features that do not exist at request time.",
          3: "Chooses batch or online from the use case, states the latency and throughput budget, and limits features to what is available at prediction time.",
          4: "Lets the constraints shape the design (precomputed features, candidate generation then ranking, fallback when the model is down) and estimates serving cost.",
        },
      },
      {
        key: "labels-feedback",
        title: "Label availability and feedback loops",
        lookFor:
          "Where labels come from, how late and how noisy they are, and whether the model's own decisions will bias the data it is retrained on.",
        weight: 2,
        anchors: {
          1: "Assumes labelled data exists without asking where it comes from.",
          2: "Identifies a label source but misses label delay, label noise, or that the model's decisions will shape future training data.",
          3: "Explains how and when labels arrive, and names the feedback loop the model creates (e.g. only approved loans get outcomes) with a mitigation.",
          4: "Designs for it concretely: a holdout or exploration budget, delayed-label handling in training and monitoring, and proxy labels validated against the real outcome.",
        },
      },
    ],
  },

  feature_engineering: {
    areaKey: "feature_engineering",
    criteria: [
      {
        key: "point-in-time-correctness",
        title: "Point-in-time correctness",
        lookFor:
          "Every training feature is computed only from data available at the prediction timestamp: as-of joins on event time, late-arriving and updated records handled, no leakage from the label or the future.",
        weight: 3,
        anchors: {
          1: "Joins features to labels by entity ID on current values; does not recognise leakage when shown an example.",
          2: "Avoids obvious target leakage but joins on processing time or current snapshots, so later data can slip into training rows.",
          3: "Builds training sets with as-of joins on event time for every feature, accounts for late-arriving data, and explains how they would test for leakage.",
          4: "Makes correctness the default: a feature store or library that only produces point-in-time training sets, plus automated checks such as feature time ≤ label time.",
        },
      },
      {
        key: "train-serving-skew",
        title: "Train-serving skew prevented by design",
        lookFor:
          "One definition of each feature executed in both training and serving (shared transformation code, feature store, preprocessing shipped with the model), and a way to detect skew when it happens.",
        weight: 3,
        anchors: {
          1: "Reimplements features separately for serving (e.g. pandas offline, another service online) without mentioning skew.",
          2: "Knows skew is a risk but relies on careful reimplementation and manual spot checks.",
          3: "Uses a single feature definition for both paths and logs serving-time features to compare with training values.",
          4: "Also detects skew automatically (training on logged serving features, parity checks with alerts) and can walk through a skew incident they diagnosed.",
        },
      },
      {
        key: "freshness-backfills",
        title: "Feature freshness and backfills",
        lookFor:
          "Freshness chosen per feature from its value (batch vs streaming), consistency between offline and online stores, new features backfilled over history, and stale or missing online values handled.",
        weight: 2,
        anchors: {
          1: "Does not distinguish batch from real-time features, or has no way to compute a new feature over history.",
          2: "Chooses batch or streaming per feature but cannot explain how a new feature is backfilled or what serving does with stale values.",
          3: "Sets a freshness requirement per feature, meets it with batch or streaming, and backfills with the same code under point-in-time semantics.",
          4: "Also defines behaviour for stale or missing online values (TTLs, defaults, fallbacks and their effect on the model) and weighs streaming cost against measured gain.",
        },
      },
      {
        key: "data-validation",
        title: "Data validation",
        lookFor:
          "Automated schema and distribution checks on inputs before training and at serving (types, nulls, ranges, cardinality, drift) that stop the pipeline or alert rather than train on bad data.",
        weight: 2,
        anchors: {
          1: "No validation; bad upstream data would flow silently into training or serving.",
          2: "Checks data by hand or in a notebook; nothing is enforced in the pipeline.",
          3: "Runs automated schema, null and range checks on training and serving inputs (e.g. Great Expectations, TFDV, pandera) that block training or raise alerts.",
          4: "Also agrees data contracts with upstream owners, compares distributions against a reference, and states which failures stop the pipeline and which only warn.",
        },
      },
    ],
  },

  model_development: {
    areaKey: "model_development",
    criteria: [
      {
        key: "experiment-design",
        title: "Experiment design and baselines",
        lookFor:
          "Iterations that start from a simple baseline, change one thing at a time against a stated hypothesis, and are tracked (code, data version, parameters, results) so they can be compared and reproduced.",
        weight: 3,
        anchors: {
          1: "Starts with the most complex model and tunes until the numbers look good; cannot say what each change contributed.",
          2: "Has a baseline but changes several things per run, with results kept in notebooks or memory.",
          3: "Starts from a simple baseline, changes one thing per experiment with a hypothesis, and tracks runs with code, data version and parameters (e.g. MLflow, W&B).",
          4: "Also ranks experiments by expected gain and cost, justifies each component with ablations, and stops when further gains no longer matter to the business.",
        },
      },
      {
        key: "offline-evaluation",
        title: "Offline evaluation rigour",
        lookFor:
          "Splits that mimic production (by time, by entity where leakage threatens), metrics on important slices, calibration when scores are read as probabilities, and variance across seeds or windows.",
        weight: 3,
        anchors: {
          1: "Uses a random split on time-dependent data and reports a single aggregate metric.",
          2: "Holds out data correctly but reports only an aggregate number: no slices, calibration or variance.",
          3: "Splits by time (or entity), reports metrics on key slices, checks calibration when scores are used as probabilities, and reports variance.",
          4: "Also backtests over several time windows, analyses errors to find failure modes, and states how much offline gain is needed to expect an online win.",
        },
      },
      {
        key: "online-evaluation",
        title: "Offline to online evaluation",
        lookFor:
          "How an offline win becomes a production decision: shadow or canary first, then an A/B test with a primary metric set in advance, guardrail metrics, sample size, ramp-up and rollback criteria.",
        weight: 2,
        anchors: {
          1: "Treats a better offline metric as proof and ships by replacing the old model.",
          2: "Mentions A/B testing but without a primary metric, guardrails, duration or sample size.",
          3: "Runs shadow or canary before an A/B test with a primary metric set in advance, guardrail metrics, and ramp and rollback criteria.",
          4: "Also handles the traps (novelty effects, interference between variants, sample-ratio mismatch, offline and online results disagreeing) with a concrete example.",
        },
      },
      {
        key: "production-awareness",
        title: "Production awareness from the start",
        lookFor:
          "Model choices checked against latency, memory and cost budgets while experimenting, and training that can be reproduced from versioned data, code and environment.",
        weight: 2,
        anchors: {
          1: "Proposes a model that cannot meet the serving budget and does not notice.",
          2: "Considers latency or size only when prompted; training depends on unpinned data, seeds or environment.",
          3: "Measures inference latency and model size against the budget while choosing models, and makes training reproducible (versioned data, pinned environment, fixed seeds).",
          4: "Also trades accuracy for cost with numbers (distillation, quantisation, a simpler model) and can rebuild any production model from its recorded lineage.",
        },
      },
    ],
  },

  ml_system_design: {
    areaKey: "ml_system_design",
    criteria: [
      {
        key: "ingestion-feature-store",
        title: "Ingestion and feature store",
        lookFor:
          "Data sources and batch or streaming ingestion feeding a feature store whose shared definitions serve both an offline store for training and an online store for serving, with quality gates.",
        weight: 2,
        anchors: {
          1: "The data \"is in a database\"; no ingestion or feature layer is designed.",
          2: "Sketches ingestion and storage, but features are computed separately for training and serving, or online serving has no online store.",
          3: "Designs ingestion and a feature store with shared definitions feeding offline and online stores, with validation gates on the way in.",
          4: "Also covers operating it: backfills, schema evolution, freshness SLAs, and how other teams discover and reuse features.",
        },
      },
      {
        key: "training-pipeline",
        title: "Training pipeline and model registry",
        lookFor:
          "Orchestrated, repeatable training rather than manual runs; versioned data and models in a registry with lineage; automated evaluation gates before a model is promoted.",
        weight: 2,
        anchors: {
          1: "Training is a manual run on someone's machine; models are not versioned.",
          2: "Training is a scheduled script, but promotion is manual and lineage (data, code, parameters) is not recorded.",
          3: "An orchestrated pipeline versions data and models, records lineage in a registry, and promotes a model only after automated evaluation against the live one.",
          4: "Also builds the pipeline from shared, configurable components that other models reuse, with caching and compute cost under control.",
        },
      },
      {
        key: "serving-architecture",
        title: "Serving architecture",
        lookFor:
          "Batch or online serving chosen from requirements, a latency budget covering feature lookup and inference, scaling, fallbacks, and versioned deployments.",
        weight: 3,
        anchors: {
          1: "Cannot describe how predictions reach the consuming system.",
          2: "Chooses a serving mode but ignores feature lookup latency, scaling, or what happens when the model service fails.",
          3: "Chooses batch or online from requirements, splits the latency budget (feature fetch, inference, network), and plans autoscaling, fallbacks and versioned deploys.",
          4: "Also optimises the whole path (caching, precomputation, request batching, hardware choice) and runs several model versions side by side for shadow and A/B traffic.",
        },
      },
      {
        key: "monitoring",
        title: "Monitoring and alerting",
        lookFor:
          "Monitoring of inputs (drift, missing features), predictions (distribution shift), model quality once labels arrive, and service health, with thresholds, alerts routed to an owner, and a response plan.",
        weight: 3,
        anchors: {
          1: "Monitoring is service uptime only, or is not mentioned.",
          2: "Mentions drift monitoring in general terms without saying what is measured, the thresholds, or who is alerted.",
          3: "Monitors input drift, prediction distribution, label-based quality when labels arrive, and latency and errors, with thresholds and alerts routed to an owner.",
          4: "Also ties alerts to business impact, keeps them quiet with per-slice and seasonal baselines, and has a runbook from alert to diagnosis.",
        },
      },
      {
        key: "retraining-rollback",
        title: "Retraining and rollback",
        lookFor:
          "When and how models are retrained (schedule or monitored trigger), how new versions are rolled out safely, and how quickly a known-good model can be restored.",
        weight: 2,
        anchors: {
          1: "Has no plan for when the model degrades; retraining and rollback are not considered.",
          2: "Retrains on a schedule without evaluation gates, or rolls back only by redeploying by hand.",
          3: "Retrains on a schedule or monitored trigger, gates promotion on evaluation, rolls out gradually, and can restore the previous version in minutes.",
          4: "Also handles the hard cases: an upstream data change rather than a model fault, and keeping corrupted or feedback-biased data out of retraining.",
        },
      },
    ],
  },

  code_quality: {
    areaKey: "code_quality",
    criteria: [
      {
        key: "tests",
        title: "Tests: unit, data and model",
        lookFor:
          "Unit tests for transformations and business logic, data tests on inputs, and model tests (minimum quality, behaviour on known cases), all running in CI.",
        weight: 3,
        anchors: {
          1: "No tests, or \"it ran in the notebook\" is the test.",
          2: "Unit tests for a few helpers, but nothing for data or model behaviour, or tests are not run in CI.",
          3: "Unit tests cover feature transformations and edge cases, data tests check inputs, and model tests check minimum quality and known cases, all in CI.",
          4: "Also keeps the suite fast and deterministic on small fixtures, adds invariance or property tests for the model, and blocks a regressed model from shipping.",
        },
      },
      {
        key: "structure-reviewability",
        title: "Structure and reviewability",
        lookFor:
          "Modules and functions with one job and clear names, configuration separated from code, no hidden global state or cell-order dependence; notebook code does not run in production.",
        weight: 3,
        anchors: {
          1: "Notebook-style script: global state, copy-pasted blocks, hard-coded paths and parameters.",
          2: "Split into functions, but modules do many things, configuration is hard-coded, or steps only work when run in a particular order.",
          3: "Cohesive modules with clear names, configuration outside the code, and a flow a reviewer can follow; notebooks are used only to explore.",
          4: "Also puts stable interfaces where change is expected (new models, new features) and keeps changes small, explaining trade-offs in review.",
        },
      },
      {
        key: "typing-interfaces",
        title: "Typing and interfaces",
        lookFor:
          "Type hints on public functions, explicit data contracts between pipeline stages (dataclasses, pydantic models, dataframe schemas), and static checks in CI.",
        weight: 2,
        anchors: {
          1: "No type hints; functions pass untyped dicts and DataFrames with implicit columns.",
          2: "Some type hints, but the data passed between stages is still implicit (unnamed columns, loose dicts).",
          3: "Public functions are typed and stage boundaries use explicit contracts, checked by mypy or pyright in CI.",
          4: "Also shapes types so invalid states cannot be built at stage boundaries, and evolves interfaces without breaking callers.",
        },
      },
      {
        key: "packaging-dependencies",
        title: "Packaging and dependency management",
        lookFor:
          "An installable package, locked dependencies, environments that can be rebuilt (lockfile, container image), and serving dependencies kept apart from training ones.",
        weight: 2,
        anchors: {
          1: "Code runs only on the author's machine; dependencies are installed by hand.",
          2: "Has a requirements file, but versions are unpinned or the environment cannot be rebuilt reliably.",
          3: "Ships an installable package with locked dependencies (e.g. pyproject plus lockfile) and reproducible container images for training and serving.",
          4: "Also keeps serving images lean and separate from training, versions shared libraries for other teams, and automates dependency updates behind tests.",
        },
      },
      {
        key: "errors-logging",
        title: "Error handling and logging",
        lookFor:
          "Inputs validated at boundaries, specific exceptions, retries only for transient failures, structured logs carrying context such as model version, and no swallowed errors.",
        weight: 2,
        anchors: {
          1: "Bare excepts or swallowed errors; print statements instead of logging.",
          2: "Catches and logs errors, but broadly or without context, so failures are hard to diagnose.",
          3: "Validates inputs at boundaries, raises specific exceptions, retries transient failures, and writes structured logs with request and model-version context.",
          4: "Also designs failure behaviour: graceful degradation in serving, pipeline steps safe to rerun, and logs and metrics that let someone else diagnose an incident.",
        },
      },
    ],
  },
};
