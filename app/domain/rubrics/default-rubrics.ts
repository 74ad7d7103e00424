import type { ScreenAreaKey } from "../screen-areas";
import type { RubricDraft } from "./types";

/**
 * The rubrics a fresh install starts from. They score ML *engineering*: taking a
 * model from a business problem to a system that keeps working in production.
 * Anchors describe what the interviewer hears or sees, so two interviewers can
 * reach the same score from the same answer. Core criteria weigh 3, the rest 2.
 * Each criterion carries the interview kit's suggested questions and follow-ups: open
 * prompts that give the candidate room to show the anchors, not quiz questions.
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
        questions: [
          "A marketplace asks you to \"reduce churn\". What exactly would you predict: for which entity, at what moment, over what horizon?",
          "Who acts on the prediction, and what do they do differently because of it? Follow-up: would a simple rule get most of that value?",
          "Would you predict churn itself or the effect of an intervention (uplift)? What changes in the data you need?",
        ],
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
        questions: [
          "Which offline metric would you optimise for this model, and why that one rather than accuracy or AUC?",
          "How does a one-point gain in that metric move the business KPI? How would you check the link before launch?",
          "What does a false positive cost here compared with a false negative? Follow-up: which guardrail metric would stop a launch?",
        ],
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
        questions: [
          "What is the simplest baseline you would ship first, and what gain would make a complex model worth it?",
          "Who agrees the launch bar with you, and how is it stated relative to the baseline?",
          "Tell me about a time a simple baseline was hard to beat. What did you do next?",
        ],
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
        questions: [
          "Online or batch predictions for this use case? What in the use case decides it?",
          "What latency and throughput budget would you design for, and which features actually exist at request time?",
          "What does the user get when the model service is slow or down? Follow-up: roughly what does serving cost at this volume?",
        ],
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
        questions: [
          "Where do the labels come from, and how long after the prediction do they arrive?",
          "How will the model's own decisions change the data you retrain on? Follow-up: how would you keep an unbiased sample?",
          "If the true outcome takes months to arrive, which proxy label would you use, and how would you validate it?",
        ],
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
        questions: [
          "Walk me through building a training set for a fraud model: how do you join features to labels so nothing from the future leaks in?",
          "A record is corrected two days after the event it describes. How does your pipeline treat it when building training data?",
          "Offline AUC is 0.97 but the model is poor online. How would you look for leakage? Follow-up: which automated check would you add?",
        ],
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
        questions: [
          "How do you make sure a feature is computed the same way in training and in serving?",
          "Tell me about a train-serving skew incident you saw or caused. How was it found, and what changed afterwards?",
          "Once the model is live, how would you detect skew automatically?",
        ],
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
        questions: [
          "How do you decide whether a feature needs streaming or whether a daily batch is enough?",
          "You add a new feature. How do you backfill it over two years of history, and how do you know the backfill matches the online values?",
          "What does the model receive when an online feature value is stale or missing? Follow-up: how did you measure the effect?",
        ],
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
        questions: [
          "What checks run on the data before a model trains on it, and what happens when one fails?",
          "An upstream team renames a column or changes its unit. How would you find out, and how fast?",
          "Which data problems should stop the pipeline and which should only warn? Give an example of each.",
        ],
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
        questions: [
          "On a recent project, how did you get from the baseline to the final model? What did each step contribute?",
          "How do you track experiments so someone else can reproduce your best run six months later?",
          "How do you choose the next experiment, and how do you decide to stop improving the model?",
        ],
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
        questions: [
          "How would you split the data for a model that predicts next week's demand? What goes wrong with a random split?",
          "The aggregate metric improved. How do you check it did not get worse for an important segment?",
          "When are the scores read as probabilities, and how do you check calibration? Follow-up: how much does the metric vary across seeds or time windows?",
        ],
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
        questions: [
          "The new model wins offline. What happens between that result and replacing the production model?",
          "How would you design the A/B test: primary metric, guardrails, duration and sample size?",
          "Tell me about a time offline and online results disagreed. What did you learn from it?",
        ],
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
        questions: [
          "How early do you measure inference latency and model size, and what budget were you working against?",
          "Could you retrain your last production model from scratch today and get the same model? What makes that possible?",
          "Tell me about a time you traded accuracy for cost or latency. How did you decide?",
        ],
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
        questions: [
          "Design the data path for real-time recommendations: from raw events to features available at serving time.",
          "How do the offline and online stores stay consistent? Follow-up: what happens when a feature's schema changes?",
          "How would other teams discover and reuse the features your team built?",
        ],
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
        questions: [
          "How is training run, and what is recorded about each model so you know exactly what produced it?",
          "Which checks must a new model pass before it is promoted, and who or what decides?",
          "How would you make the pipeline reusable for the next team's model? Follow-up: how do you keep compute cost under control?",
        ],
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
        questions: [
          "Split a 100 ms latency budget between feature lookup, inference and network. Where would you spend it, and why?",
          "How does the service scale with traffic, and what does the caller get when the model is unavailable?",
          "How would you run a new model version in shadow, then in an A/B test, next to the current one?",
        ],
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
        questions: [
          "The model is live. What exactly do you monitor, and what are the alert thresholds?",
          "Labels arrive a month late. How would you know the model is degrading before then?",
          "Who is alerted when a threshold is crossed, and what do they do first? Follow-up: how do you keep alerts from becoming noise?",
        ],
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
        questions: [
          "Do you retrain on a schedule or on a trigger? What would the trigger be?",
          "A new model makes things worse in production. How long does it take to get back to the previous one, and how?",
          "Quality dropped because an upstream data source changed, not the model. How would you tell the difference, and keep the bad data out of retraining?",
        ],
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
        questions: [
          "What do you test in an ML codebase beyond helper functions? Give an example of a data test and of a model test.",
          "How do you stop a model that regressed from shipping?",
          "How do you keep ML tests fast and deterministic enough to run on every commit?",
        ],
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
        questions: [
          "How do you turn notebook exploration into code that runs in production? What do you change first?",
          "Describe how a training pipeline you wrote is split into modules. Where does its configuration live?",
          "What makes an ML pull request easy to review? Follow-up: where did you add an interface because you expected change?",
        ],
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
        questions: [
          "How do you describe the data passed between pipeline stages so that a wrong or missing column fails early?",
          "Which static checks run in your CI, and what bug did typing catch for you recently?",
          "How do you change a shared interface without breaking the teams that call it?",
        ],
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
        questions: [
          "How would a new teammate rebuild the exact environment your model was trained in?",
          "How do you keep serving images small and separate from training dependencies?",
          "How are dependency updates handled, and what protects you from a breaking upgrade?",
        ],
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
        questions: [
          "What should the serving code do when it receives an input it cannot handle?",
          "Which failures do you retry and which not? Follow-up: how do you make a pipeline step safe to rerun?",
          "What would a log line from your prediction service contain so someone else could diagnose an incident?",
        ],
      },
    ],
  },
};
