/** The module's shared `PredictorAdmin` (stores, runtime, configurator, scheduler). */
export const PREDICTOR_ADMIN = Symbol('PredictorAdmin');
