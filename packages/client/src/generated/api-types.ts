/**
 * Generated from the service's OpenAPI document by `npm run client:types`; do not edit.
 * A test fails when this file is stale.
 */
export interface paths {
    "/api/v1/alert-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List alert rules
         * @description Every rule, or those of one model (`model`, `project`) or of one project.
         */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model?: string;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                autoResolveWindows: number;
                                channels: string[] | null;
                                condition: {
                                    /** @enum {unknown} */
                                    direction: "above" | "below";
                                    /** @enum {string} */
                                    kind: "threshold";
                                    /** @description Fires when the latest value is above (below) this. */
                                    value: number;
                                } | {
                                    /** @enum {unknown} */
                                    direction: "above" | "below";
                                    /** @enum {string} */
                                    kind: "n_of_m";
                                    m: number;
                                    /** @description Fires when at least n of the last m windows cross the value. */
                                    n: number;
                                    value: number;
                                } | {
                                    /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                                    change: number;
                                    /** @enum {unknown} */
                                    direction: "above" | "below";
                                    /** @enum {string} */
                                    kind: "relative_to_reference";
                                } | {
                                    /** @enum {unknown} */
                                    direction: "above" | "below" | "outside";
                                    /** @description method sigma: mean ± k·σ; default 3. */
                                    k?: number;
                                    /** @enum {string} */
                                    kind: "dynamic";
                                    /** @description Windows of history (before the latest) the band is learned from. */
                                    lookback: number;
                                    /** @enum {unknown} */
                                    method: "percentile" | "sigma";
                                    /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                                    minHistory: number;
                                    /** @description method percentile: the band edge; default 95 (5 for direction below). */
                                    percentile?: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "absence";
                                    /** @description Fires when the model has received no record for this long. */
                                    minutes: number;
                                };
                                cooldownMinutes: number;
                                createdAt: string;
                                description: string | null;
                                enabled: boolean;
                                feature: string | null;
                                id: string;
                                isDefault: boolean;
                                metric: string;
                                modelId: string;
                                name: string;
                                renotifyMinutes: number;
                                segment: string | null;
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                updatedAt: string;
                                versionId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an alert rule
         * @description A rule watches one metric of a model's history (`version`, `segment`, `feature`: one, every one with `"*"`, or none) and fires on its `condition`; its alerts go to the channels it names, else to every channel subscribed to its `severity`. Rule names are unique per model. Unknown fields are rejected (400).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Resolve when the condition has been clear for this many windows in a row.
                         * @default 3
                         */
                        autoResolveWindows?: number;
                        channels?: string[];
                        condition: {
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "threshold";
                            /** @description Fires when the latest value is above (below) this. */
                            value: number;
                        } | {
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "n_of_m";
                            m: number;
                            /** @description Fires when at least n of the last m windows cross the value. */
                            n: number;
                            value: number;
                        } | {
                            /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                            change: number;
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "relative_to_reference";
                        } | {
                            /** @enum {unknown} */
                            direction: "above" | "below" | "outside";
                            /** @description method sigma: mean ± k·σ; default 3. */
                            k?: number;
                            /** @enum {string} */
                            kind: "dynamic";
                            /** @description Windows of history (before the latest) the band is learned from. */
                            lookback: number;
                            /** @enum {unknown} */
                            method: "percentile" | "sigma";
                            /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                            minHistory: number;
                            /** @description method percentile: the band edge; default 95 (5 for direction below). */
                            percentile?: number;
                        } | {
                            /** @enum {string} */
                            kind: "absence";
                            /** @description Fires when the model has received no record for this long. */
                            minutes: number;
                        };
                        /**
                         * @description After a resolve, the same alert is not re-opened for this long (it stays resolved and a new firing updates nothing).
                         * @default 60
                         */
                        cooldownMinutes?: number;
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        feature?: string;
                        /** @description A metric of the history, e.g. drift.statistic, drift.share, performance.rocAuc, label.coverage, anomaly.share, fairness.disparateImpact, volume.count. */
                        metric: string;
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        model: string;
                        name: string;
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        project?: string;
                        /**
                         * @description A still-firing alert is notified again after this long; 0: never.
                         * @default 240
                         */
                        renotifyMinutes?: number;
                        segment?: string;
                        /** @enum {unknown} */
                        severity: "info" | "warning" | "critical";
                        version?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoResolveWindows: number;
                            channels: string[] | null;
                            condition: {
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "threshold";
                                /** @description Fires when the latest value is above (below) this. */
                                value: number;
                            } | {
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "n_of_m";
                                m: number;
                                /** @description Fires when at least n of the last m windows cross the value. */
                                n: number;
                                value: number;
                            } | {
                                /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                                change: number;
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "relative_to_reference";
                            } | {
                                /** @enum {unknown} */
                                direction: "above" | "below" | "outside";
                                /** @description method sigma: mean ± k·σ; default 3. */
                                k?: number;
                                /** @enum {string} */
                                kind: "dynamic";
                                /** @description Windows of history (before the latest) the band is learned from. */
                                lookback: number;
                                /** @enum {unknown} */
                                method: "percentile" | "sigma";
                                /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                                minHistory: number;
                                /** @description method percentile: the band edge; default 95 (5 for direction below). */
                                percentile?: number;
                            } | {
                                /** @enum {string} */
                                kind: "absence";
                                /** @description Fires when the model has received no record for this long. */
                                minutes: number;
                            };
                            cooldownMinutes: number;
                            createdAt: string;
                            description: string | null;
                            enabled: boolean;
                            feature: string | null;
                            id: string;
                            isDefault: boolean;
                            metric: string;
                            modelId: string;
                            name: string;
                            renotifyMinutes: number;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            updatedAt: string;
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-rules/{rule}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an alert rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoResolveWindows: number;
                            channels: string[] | null;
                            condition: {
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "threshold";
                                /** @description Fires when the latest value is above (below) this. */
                                value: number;
                            } | {
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "n_of_m";
                                m: number;
                                /** @description Fires when at least n of the last m windows cross the value. */
                                n: number;
                                value: number;
                            } | {
                                /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                                change: number;
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "relative_to_reference";
                            } | {
                                /** @enum {unknown} */
                                direction: "above" | "below" | "outside";
                                /** @description method sigma: mean ± k·σ; default 3. */
                                k?: number;
                                /** @enum {string} */
                                kind: "dynamic";
                                /** @description Windows of history (before the latest) the band is learned from. */
                                lookback: number;
                                /** @enum {unknown} */
                                method: "percentile" | "sigma";
                                /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                                minHistory: number;
                                /** @description method percentile: the band edge; default 95 (5 for direction below). */
                                percentile?: number;
                            } | {
                                /** @enum {string} */
                                kind: "absence";
                                /** @description Fires when the model has received no record for this long. */
                                minutes: number;
                            };
                            cooldownMinutes: number;
                            createdAt: string;
                            description: string | null;
                            enabled: boolean;
                            feature: string | null;
                            id: string;
                            isDefault: boolean;
                            metric: string;
                            modelId: string;
                            name: string;
                            renotifyMinutes: number;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            updatedAt: string;
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        /**
         * Replace an alert rule
         * @description The whole spec, as on creation (omitted optional fields take their defaults); the model cannot change. Default rules can be changed or switched off (`enabled: false`) like any other; switching a rule off resolves its open alerts (channels hear "resolved").
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Resolve when the condition has been clear for this many windows in a row.
                         * @default 3
                         */
                        autoResolveWindows?: number;
                        channels?: string[];
                        condition: {
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "threshold";
                            /** @description Fires when the latest value is above (below) this. */
                            value: number;
                        } | {
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "n_of_m";
                            m: number;
                            /** @description Fires when at least n of the last m windows cross the value. */
                            n: number;
                            value: number;
                        } | {
                            /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                            change: number;
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "relative_to_reference";
                        } | {
                            /** @enum {unknown} */
                            direction: "above" | "below" | "outside";
                            /** @description method sigma: mean ± k·σ; default 3. */
                            k?: number;
                            /** @enum {string} */
                            kind: "dynamic";
                            /** @description Windows of history (before the latest) the band is learned from. */
                            lookback: number;
                            /** @enum {unknown} */
                            method: "percentile" | "sigma";
                            /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                            minHistory: number;
                            /** @description method percentile: the band edge; default 95 (5 for direction below). */
                            percentile?: number;
                        } | {
                            /** @enum {string} */
                            kind: "absence";
                            /** @description Fires when the model has received no record for this long. */
                            minutes: number;
                        };
                        /**
                         * @description After a resolve, the same alert is not re-opened for this long (it stays resolved and a new firing updates nothing).
                         * @default 60
                         */
                        cooldownMinutes?: number;
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        feature?: string;
                        /** @description A metric of the history, e.g. drift.statistic, drift.share, performance.rocAuc, label.coverage, anomaly.share, fairness.disparateImpact, volume.count. */
                        metric: string;
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        model: string;
                        name: string;
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        project?: string;
                        /**
                         * @description A still-firing alert is notified again after this long; 0: never.
                         * @default 240
                         */
                        renotifyMinutes?: number;
                        segment?: string;
                        /** @enum {unknown} */
                        severity: "info" | "warning" | "critical";
                        version?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoResolveWindows: number;
                            channels: string[] | null;
                            condition: {
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "threshold";
                                /** @description Fires when the latest value is above (below) this. */
                                value: number;
                            } | {
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "n_of_m";
                                m: number;
                                /** @description Fires when at least n of the last m windows cross the value. */
                                n: number;
                                value: number;
                            } | {
                                /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                                change: number;
                                /** @enum {unknown} */
                                direction: "above" | "below";
                                /** @enum {string} */
                                kind: "relative_to_reference";
                            } | {
                                /** @enum {unknown} */
                                direction: "above" | "below" | "outside";
                                /** @description method sigma: mean ± k·σ; default 3. */
                                k?: number;
                                /** @enum {string} */
                                kind: "dynamic";
                                /** @description Windows of history (before the latest) the band is learned from. */
                                lookback: number;
                                /** @enum {unknown} */
                                method: "percentile" | "sigma";
                                /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                                minHistory: number;
                                /** @description method percentile: the band edge; default 95 (5 for direction below). */
                                percentile?: number;
                            } | {
                                /** @enum {string} */
                                kind: "absence";
                                /** @description Fires when the model has received no record for this long. */
                                minutes: number;
                            };
                            cooldownMinutes: number;
                            createdAt: string;
                            description: string | null;
                            enabled: boolean;
                            feature: string | null;
                            id: string;
                            isDefault: boolean;
                            metric: string;
                            modelId: string;
                            name: string;
                            renotifyMinutes: number;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            updatedAt: string;
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete an alert rule
         * @description Its open alerts are resolved first (by "system"; channels hear "resolved"); its alerts stay, with their history.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-rules/{rule}/precision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rule's precision from feedback, and a threshold suggestion
         * @description Precision = alerts marked real / alerts marked at all. With at least 10 judged alerts of both verdicts, a threshold or n_of_m rule gets a suggested threshold from a logistic regression of the verdict on the alert's value, with what it would have kept and dropped.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            false: number;
                            labelled: number;
                            precision: number | null;
                            real: number;
                            ruleId: string;
                            suggestion: {
                                coefficients: {
                                    intercept: number;
                                    slope: number;
                                };
                                droppedFalse: number;
                                explanation: string;
                                keptReal: number;
                                labelled: number;
                                threshold: number;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-rules/{rule}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a rule over the stored history
         * @description Says when the rule — with the changes in the body, not saved — would have fired and how often: every window of each of its series is evaluated in time order with the alert lifecycle (auto-resolve, cooldown, one alert per problem). `{}` previews the rule as stored. At most the newest 50,000 points of the metric are replayed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        autoResolveWindows?: number;
                        channels?: string[] | null;
                        condition?: {
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "threshold";
                            /** @description Fires when the latest value is above (below) this. */
                            value: number;
                        } | {
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "n_of_m";
                            m: number;
                            /** @description Fires when at least n of the last m windows cross the value. */
                            n: number;
                            value: number;
                        } | {
                            /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                            change: number;
                            /** @enum {unknown} */
                            direction: "above" | "below";
                            /** @enum {string} */
                            kind: "relative_to_reference";
                        } | {
                            /** @enum {unknown} */
                            direction: "above" | "below" | "outside";
                            /** @description method sigma: mean ± k·σ; default 3. */
                            k?: number;
                            /** @enum {string} */
                            kind: "dynamic";
                            /** @description Windows of history (before the latest) the band is learned from. */
                            lookback: number;
                            /** @enum {unknown} */
                            method: "percentile" | "sigma";
                            /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                            minHistory: number;
                            /** @description method percentile: the band edge; default 95 (5 for direction below). */
                            percentile?: number;
                        } | {
                            /** @enum {string} */
                            kind: "absence";
                            /** @description Fires when the model has received no record for this long. */
                            minutes: number;
                        };
                        cooldownMinutes?: number;
                        description?: string | null;
                        feature?: string | null;
                        metric?: string;
                        renotifyMinutes?: number;
                        segment?: string | null;
                        /** @enum {unknown} */
                        severity?: "info" | "warning" | "critical";
                        version?: string | null;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertsOpened: number;
                            firings: {
                                /** @description The series (one alert each): `<version or *>|<segment>|<feature>`. */
                                key: string;
                                reason: string;
                                threshold: number | null;
                                time: number;
                                value: number | null;
                                windowId: string | null;
                            }[];
                            firingShare: number;
                            rule: {
                                autoResolveWindows: number;
                                channels: string[] | null;
                                condition: {
                                    /** @enum {unknown} */
                                    direction: "above" | "below";
                                    /** @enum {string} */
                                    kind: "threshold";
                                    /** @description Fires when the latest value is above (below) this. */
                                    value: number;
                                } | {
                                    /** @enum {unknown} */
                                    direction: "above" | "below";
                                    /** @enum {string} */
                                    kind: "n_of_m";
                                    m: number;
                                    /** @description Fires when at least n of the last m windows cross the value. */
                                    n: number;
                                    value: number;
                                } | {
                                    /** @description Relative change from the reference value (the metric point's `threshold`, e.g. reference performance), e.g. 0.1 = 10 %. */
                                    change: number;
                                    /** @enum {unknown} */
                                    direction: "above" | "below";
                                    /** @enum {string} */
                                    kind: "relative_to_reference";
                                } | {
                                    /** @enum {unknown} */
                                    direction: "above" | "below" | "outside";
                                    /** @description method sigma: mean ± k·σ; default 3. */
                                    k?: number;
                                    /** @enum {string} */
                                    kind: "dynamic";
                                    /** @description Windows of history (before the latest) the band is learned from. */
                                    lookback: number;
                                    /** @enum {unknown} */
                                    method: "percentile" | "sigma";
                                    /** @description Fewer windows of history than this and the rule does not fire (insufficient history). */
                                    minHistory: number;
                                    /** @description method percentile: the band edge; default 95 (5 for direction below). */
                                    percentile?: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "absence";
                                    /** @description Fires when the model has received no record for this long. */
                                    minutes: number;
                                };
                                cooldownMinutes: number;
                                createdAt: string;
                                description: string | null;
                                enabled: boolean;
                                feature: string | null;
                                id: string;
                                isDefault: boolean;
                                metric: string;
                                modelId: string;
                                name: string;
                                renotifyMinutes: number;
                                segment: string | null;
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                updatedAt: string;
                                versionId: string | null;
                            };
                            windowsEvaluated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alerts, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    before?: string;
                    limit?: number;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model?: string;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                    rule?: string;
                    severity?: "info" | "warning" | "critical";
                    status?: "firing" | "acknowledged" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                acknowledgedAt: number | null;
                                acknowledgedBy: string | null;
                                clearWindows: number;
                                events: {
                                    /** @enum {unknown} */
                                    action: "fired" | "updated" | "renotified" | "acknowledged" | "resolved" | "reopened" | "feedback";
                                    at: number;
                                    by: string;
                                    note: string | null;
                                }[];
                                evidence: {
                                    feature: string | null;
                                    link: string;
                                    metric: string;
                                    reason: string;
                                    threshold: number | null;
                                    /** @description Epoch ms of the window (or of the check, for absence). */
                                    time: number;
                                    topFeatures: {
                                        drifted: boolean;
                                        effectSize: number;
                                        feature: string;
                                    }[];
                                    value: number | null;
                                    windowId: string | null;
                                };
                                feature: string | null;
                                feedback: {
                                    at: number;
                                    by: string;
                                    note: string | null;
                                    /** @enum {unknown} */
                                    verdict: "real" | "false";
                                } | null;
                                fireCount: number;
                                firstFiredAt: number;
                                id: string;
                                incidentId: string | null;
                                lastFiredAt: number;
                                lastNotifiedAt: number | null;
                                modelId: string;
                                resolvedAt: number | null;
                                resolvedBy: string | null;
                                ruleId: string;
                                segment: string | null;
                                /** @enum {unknown} */
                                severity: "info" | "warning" | "critical";
                                /** @enum {unknown} */
                                status: "firing" | "acknowledged" | "resolved";
                                versionId: string | null;
                            }[];
                            /** @description Pass as `before` for the next (older) page; null on the last page. */
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an alert with its deliveries
         * @description The alert (status, who did what and when in `events`, evidence, feedback) and every notification queued for it: to which channel, for which state change, and whether it was sent, is waiting for a retry, or was given up (`dead`, with the last error).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alert: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: number | null;
                            acknowledgedBy: string | null;
                            clearWindows: number;
                            deliveries: {
                                attempts: number;
                                /** @description The channel's name; null once it was deleted. */
                                channel: string | null;
                                channelId: string;
                                createdAt: number;
                                /** @enum {unknown} */
                                event: "firing" | "renotify" | "acknowledged" | "resolved";
                                id: string;
                                idempotencyKey: string;
                                lastError: string | null;
                                nextAttemptAt: number;
                                sentAt: number | null;
                                /**
                                 * @description pending (queued or waiting for a retry), sent, or dead (given up: a permanent refusal, or older than deliveryMaxAgeHours).
                                 * @enum {unknown}
                                 */
                                status: "pending" | "sent" | "dead";
                            }[];
                            events: {
                                /** @enum {unknown} */
                                action: "fired" | "updated" | "renotified" | "acknowledged" | "resolved" | "reopened" | "feedback";
                                at: number;
                                by: string;
                                note: string | null;
                            }[];
                            evidence: {
                                feature: string | null;
                                link: string;
                                metric: string;
                                reason: string;
                                threshold: number | null;
                                /** @description Epoch ms of the window (or of the check, for absence). */
                                time: number;
                                topFeatures: {
                                    drifted: boolean;
                                    effectSize: number;
                                    feature: string;
                                }[];
                                value: number | null;
                                windowId: string | null;
                            };
                            feature: string | null;
                            feedback: {
                                at: number;
                                by: string;
                                note: string | null;
                                /** @enum {unknown} */
                                verdict: "real" | "false";
                            } | null;
                            fireCount: number;
                            firstFiredAt: number;
                            id: string;
                            incidentId: string | null;
                            lastFiredAt: number;
                            lastNotifiedAt: number | null;
                            modelId: string;
                            resolvedAt: number | null;
                            resolvedBy: string | null;
                            ruleId: string;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            /** @enum {unknown} */
                            status: "firing" | "acknowledged" | "resolved";
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge a firing alert
         * @description Someone takes it in hand: it stops re-notifying, and channels hear "acknowledged" (PagerDuty acknowledges its incident). Who: `by`, else the x-bothub-actor header, else "anonymous" (until the API has authentication). 409 invalid_transition unless the alert is firing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-bothub-actor"?: string;
                };
                path: {
                    alert: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Who acts; default: the x-bothub-actor header, else "anonymous". */
                        by?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: number | null;
                            acknowledgedBy: string | null;
                            clearWindows: number;
                            events: {
                                /** @enum {unknown} */
                                action: "fired" | "updated" | "renotified" | "acknowledged" | "resolved" | "reopened" | "feedback";
                                at: number;
                                by: string;
                                note: string | null;
                            }[];
                            evidence: {
                                feature: string | null;
                                link: string;
                                metric: string;
                                reason: string;
                                threshold: number | null;
                                /** @description Epoch ms of the window (or of the check, for absence). */
                                time: number;
                                topFeatures: {
                                    drifted: boolean;
                                    effectSize: number;
                                    feature: string;
                                }[];
                                value: number | null;
                                windowId: string | null;
                            };
                            feature: string | null;
                            feedback: {
                                at: number;
                                by: string;
                                note: string | null;
                                /** @enum {unknown} */
                                verdict: "real" | "false";
                            } | null;
                            fireCount: number;
                            firstFiredAt: number;
                            id: string;
                            incidentId: string | null;
                            lastFiredAt: number;
                            lastNotifiedAt: number | null;
                            modelId: string;
                            resolvedAt: number | null;
                            resolvedBy: string | null;
                            ruleId: string;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            /** @enum {unknown} */
                            status: "firing" | "acknowledged" | "resolved";
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an alert real or false
         * @description Feedback for the rule's precision and threshold suggestions (`GET /api/v1/alert-rules/{rule}/precision`); a later verdict replaces an earlier one. Channels are not told.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-bothub-actor"?: string;
                };
                path: {
                    alert: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Who acts; default: the x-bothub-actor header, else "anonymous". */
                        by?: string;
                        note?: string;
                        /** @enum {unknown} */
                        verdict: "real" | "false";
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: number | null;
                            acknowledgedBy: string | null;
                            clearWindows: number;
                            events: {
                                /** @enum {unknown} */
                                action: "fired" | "updated" | "renotified" | "acknowledged" | "resolved" | "reopened" | "feedback";
                                at: number;
                                by: string;
                                note: string | null;
                            }[];
                            evidence: {
                                feature: string | null;
                                link: string;
                                metric: string;
                                reason: string;
                                threshold: number | null;
                                /** @description Epoch ms of the window (or of the check, for absence). */
                                time: number;
                                topFeatures: {
                                    drifted: boolean;
                                    effectSize: number;
                                    feature: string;
                                }[];
                                value: number | null;
                                windowId: string | null;
                            };
                            feature: string | null;
                            feedback: {
                                at: number;
                                by: string;
                                note: string | null;
                                /** @enum {unknown} */
                                verdict: "real" | "false";
                            } | null;
                            fireCount: number;
                            firstFiredAt: number;
                            id: string;
                            incidentId: string | null;
                            lastFiredAt: number;
                            lastNotifiedAt: number | null;
                            modelId: string;
                            resolvedAt: number | null;
                            resolvedBy: string | null;
                            ruleId: string;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            /** @enum {unknown} */
                            status: "firing" | "acknowledged" | "resolved";
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{alert}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an open alert by hand
         * @description Channels hear "resolved"; the rule's cooldown runs from now. 409 invalid_transition when it is already resolved.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-bothub-actor"?: string;
                };
                path: {
                    alert: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Who acts; default: the x-bothub-actor header, else "anonymous". */
                        by?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: number | null;
                            acknowledgedBy: string | null;
                            clearWindows: number;
                            events: {
                                /** @enum {unknown} */
                                action: "fired" | "updated" | "renotified" | "acknowledged" | "resolved" | "reopened" | "feedback";
                                at: number;
                                by: string;
                                note: string | null;
                            }[];
                            evidence: {
                                feature: string | null;
                                link: string;
                                metric: string;
                                reason: string;
                                threshold: number | null;
                                /** @description Epoch ms of the window (or of the check, for absence). */
                                time: number;
                                topFeatures: {
                                    drifted: boolean;
                                    effectSize: number;
                                    feature: string;
                                }[];
                                value: number | null;
                                windowId: string | null;
                            };
                            feature: string | null;
                            feedback: {
                                at: number;
                                by: string;
                                note: string | null;
                                /** @enum {unknown} */
                                verdict: "real" | "false";
                            } | null;
                            fireCount: number;
                            firstFiredAt: number;
                            id: string;
                            incidentId: string | null;
                            lastFiredAt: number;
                            lastNotifiedAt: number | null;
                            modelId: string;
                            resolvedAt: number | null;
                            resolvedBy: string | null;
                            ruleId: string;
                            segment: string | null;
                            /** @enum {unknown} */
                            severity: "info" | "warning" | "critical";
                            /** @enum {unknown} */
                            status: "firing" | "acknowledged" | "resolved";
                            versionId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit entries, newest first
         * @description Every change and sensitive read: who (actor), what (action, target), when, from where (source), before and after (secrets redacted), chained by hash (`prevHash`, `hash`). Filters combine; `from`/`to` are inclusive. `bothub audit verify` checks the chain.
         */
        get: {
            parameters: {
                query?: {
                    /** @description e.g. `model.created`. */
                    action?: string;
                    /** @description The actor's id (API key id, token subject …). */
                    actor?: string;
                    /** @description The `next` of the previous page. */
                    before?: string;
                    /** @description Entries at or after this instant: epoch milliseconds or ISO 8601. */
                    from?: string;
                    limit?: number;
                    project?: string;
                    target?: string;
                    /** @description e.g. `model`, `channel`, `alert`. */
                    targetType?: string;
                    /** @description Entries at or before this instant: epoch milliseconds or ISO 8601. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                action: string;
                                actor: {
                                    id: string;
                                    kind: string;
                                    name: string;
                                };
                                /** @description JSON, secrets redacted. */
                                after: unknown;
                                /** @description JSON, secrets redacted. */
                                before: unknown;
                                /** @description SHA-256 (hex) of the canonical JSON (RFC 8785) of the entry without `hash`. */
                                hash: string;
                                /** @description The previous entry's hash (64 zeros for the first). */
                                prevHash: string;
                                requestId: string | null;
                                /** @description Position in the chain, from 1. */
                                seq: number;
                                source: {
                                    ip: string | null;
                                    userAgent: string | null;
                                };
                                target: {
                                    id: string;
                                    project: string | null;
                                    type: string;
                                };
                                /** Format: date-time */
                                time: string;
                                v: number;
                            }[];
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export audit entries, oldest first
         * @description Streams the matching entries as JSON Lines (`format=jsonl`, one entry per line, as GET /api/v1/audit answers them) or CSV (`format=csv`, RFC 4180, a header row; `before` and `after` as JSON text; cells a spreadsheet would run as formulas — starting with = + - @, tab or CR, also after leading spaces — are prefixed with '). The export is itself recorded (`audit.exported`) before it starts.
         */
        get: {
            parameters: {
                query?: {
                    /** @description e.g. `model.created`. */
                    action?: string;
                    /** @description The actor's id (API key id, token subject …). */
                    actor?: string;
                    format?: "jsonl" | "csv";
                    /** @description Entries at or after this instant: epoch milliseconds or ISO 8601. */
                    from?: string;
                    project?: string;
                    target?: string;
                    /** @description e.g. `model`, `channel`, `alert`. */
                    targetType?: string;
                    /** @description Entries at or before this instant: epoch milliseconds or ISO 8601. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description The entries, streamed. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List notification channels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                command: string[] | null;
                                createdAt: string;
                                enabled: boolean;
                                hasSecret: boolean;
                                id: string;
                                /** @enum {unknown} */
                                kind: "slack" | "pagerduty" | "webhook" | "email" | "retrain";
                                name: string;
                                rateLimitPerMinute: number;
                                routingKey: string | null;
                                severities: ("info" | "warning" | "critical")[];
                                smtp: {
                                    from: string;
                                    host: string;
                                    port: number;
                                    secure: boolean;
                                    to: string[];
                                    user: string | null;
                                } | null;
                                url: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a notification channel
         * @description Kinds and their settings: `slack` (`url`: an incoming webhook), `pagerduty` (`routingKey`; `url` overrides the Events API v2 endpoint), `webhook` (`url`, `secret` to sign with HMAC-SHA256), `email` (`smtp`), `retrain` (`url` and `secret`, or `command` from the administrator's allow-list `retrainCommands`). A setting of another kind answers 400. URLs and SMTP hosts must resolve to public addresses unless the administrator allowed the range (`allowPrivateChannelHosts`). `secret` and `smtp.password` are write-only: answers say `hasSecret`. All of them, `url` and `routingKey` included, are stored encrypted; answers show `url` cut to its origin and `routingKey` as `…(set)` (e.g. `https://hooks.slack.com/…(set)`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        command?: string[];
                        /** @default true */
                        enabled?: boolean;
                        /** @enum {unknown} */
                        kind: "slack" | "pagerduty" | "webhook" | "email" | "retrain";
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        name: string;
                        /** @default 30 */
                        rateLimitPerMinute?: number;
                        routingKey?: string;
                        secret?: string;
                        severities: ("info" | "warning" | "critical")[];
                        smtp?: {
                            from: string;
                            host: string;
                            password?: string;
                            port: number;
                            secure?: boolean;
                            to: string[];
                            user?: string;
                        };
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            command: string[] | null;
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            /** @enum {unknown} */
                            kind: "slack" | "pagerduty" | "webhook" | "email" | "retrain";
                            name: string;
                            rateLimitPerMinute: number;
                            routingKey: string | null;
                            severities: ("info" | "warning" | "critical")[];
                            smtp: {
                                from: string;
                                host: string;
                                port: number;
                                secure: boolean;
                                to: string[];
                                user: string | null;
                            } | null;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a notification channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    channel: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            command: string[] | null;
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            /** @enum {unknown} */
                            kind: "slack" | "pagerduty" | "webhook" | "email" | "retrain";
                            name: string;
                            rateLimitPerMinute: number;
                            routingKey: string | null;
                            severities: ("info" | "warning" | "critical")[];
                            smtp: {
                                from: string;
                                host: string;
                                port: number;
                                secure: boolean;
                                to: string[];
                                user: string | null;
                            } | null;
                            url: string | null;
                        };
                    };
                };
            };
        };
        /**
         * Replace a notification channel's settings
         * @description The whole spec, checked as on creation; `name` must be the channel's (rules name channels). A `secret` or `smtp.password` left out keeps the stored one, as does a `url` or `routingKey` sent back masked as answered.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    channel: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        command?: string[];
                        /** @default true */
                        enabled?: boolean;
                        /** @enum {unknown} */
                        kind: "slack" | "pagerduty" | "webhook" | "email" | "retrain";
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        name: string;
                        /** @default 30 */
                        rateLimitPerMinute?: number;
                        routingKey?: string;
                        secret?: string;
                        severities: ("info" | "warning" | "critical")[];
                        smtp?: {
                            from: string;
                            host: string;
                            password?: string;
                            port: number;
                            secure?: boolean;
                            to: string[];
                            user?: string;
                        };
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            command: string[] | null;
                            createdAt: string;
                            enabled: boolean;
                            hasSecret: boolean;
                            id: string;
                            /** @enum {unknown} */
                            kind: "slack" | "pagerduty" | "webhook" | "email" | "retrain";
                            name: string;
                            rateLimitPerMinute: number;
                            routingKey: string | null;
                            severities: ("info" | "warning" | "critical")[];
                            smtp: {
                                from: string;
                                host: string;
                                port: number;
                                secure: boolean;
                                to: string[];
                                user: string | null;
                            } | null;
                            url: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a notification channel
         * @description Its queued notifications are given up (status dead).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    channel: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test notification now
         * @description Sends a firing notification marked as a test to the channel at once (not queued, not retried) and answers how the receiver took it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    channel: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            ok: boolean;
                            /** @description On failure: whether a queued delivery would be retried. */
                            retryable?: boolean;
                            retryAfterMs?: number;
                            /** @description The receiver's HTTP status, when it answered. */
                            status?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates (server-sent events)
         * @description Server-sent events (`text/event-stream`; in a browser, `new EventSource('/api/v1/events')`). Each event's `data` is JSON:
         *
         *     - `window.evaluated`: `{ model, project, window }`, a window's evaluation is stored (its points are at `/models/{model}/windows/{window}`).
         *     - `alert.changed`: `{ model, project, alert, state }`, an alert fired, was re-notified, acknowledged or resolved (`state`).
         *     - `records.ingested`: `{ model, project, accepted }`, records stored since the model's previous such event; at most one a second per model.
         *
         *     A comment line (`: heartbeat`) every 15 s keeps idle connections open. Streams are bounded per node (setting `maxEventStreams`): above, 503 `too_many_streams`. Without `Accept: text/event-stream`, 406.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description An event stream that stays open. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fleet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every model at a glance
         * @description Each model (of `?project=`, or of every project when omitted) with its production version, its status and each monitor's (as `/models/{model}/health`), its traffic, label coverage and open alerts. Sorted worst status first, then by name.
         */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            models: {
                                /** @description The newest `label.coverage` point: the share of the latest evaluated window's records with a label; null before any. */
                                labelCoverage: number | null;
                                monitors: {
                                    monitor: string;
                                    /** @enum {unknown} */
                                    status: "ok" | "warning" | "critical" | "insufficient_data";
                                    /** @description Epoch ms of the monitor's newest point. */
                                    updatedAt: number;
                                }[];
                                name: string;
                                /** @description Alerts firing or acknowledged. */
                                openAlerts: number;
                                /** @description The version the `production` alias points at; null when none. */
                                production: string | null;
                                project: string;
                                /**
                                 * @description The worst status of the model's monitors; `insufficient_data` before any evaluation.
                                 * @enum {unknown}
                                 */
                                status: "ok" | "warning" | "critical" | "insufficient_data";
                                /** @enum {unknown} */
                                task: "binary_classification" | "multiclass_classification" | "regression" | "ranking" | "embedding";
                                traffic: {
                                    /** @description Records whose timestamp lies in the last 24 hours. */
                                    lastDay: number;
                                    /** @description Records whose timestamp lies in the last hour. */
                                    lastHour: number;
                                    /** @description Epoch ms the model last received a record; null before any. */
                                    lastRecordAt: number | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List incidents, newest first
         * @description An incident groups the alerts of one model that fired in the same window, with what changed ordered by effect size. It resolves when all its alerts are resolved.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    before?: string;
                    limit?: number;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model?: string;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                    status?: "open" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: {
                                alertIds: string[];
                                changes: {
                                    alertId: string;
                                    effectSize: number | null;
                                    feature: string | null;
                                    metric: string;
                                    value: number | null;
                                }[];
                                id: string;
                                modelId: string;
                                openedAt: number;
                                /** @enum {unknown} */
                                status: "open" | "resolved";
                                windowId: string | null;
                            }[];
                            /** @description Pass as `before` for the next (older) page; null on the last page. */
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{incident}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an incident */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    incident: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertIds: string[];
                            changes: {
                                alertId: string;
                                effectSize: number | null;
                                feature: string | null;
                                metric: string;
                                value: number | null;
                            }[];
                            id: string;
                            modelId: string;
                            openedAt: number;
                            /** @enum {unknown} */
                            status: "open" | "resolved";
                            windowId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description The keys whose every project the caller administers, oldest first; never their secrets.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                /** @description Epoch ms. */
                                createdAt: number;
                                /** @description Who created it; null for the key created at first start. */
                                createdBy: string | null;
                                /** @description Epoch ms after which the key is refused (401); null: never. */
                                expiresAt: number | null;
                                id: string;
                                /** @description Epoch ms of the last request with it, to the minute; null before any. */
                                lastUsedAt: number | null;
                                name: string;
                                /** @description The secret's first characters, to tell keys apart (`bh_ab12`). */
                                prefix: string;
                                /** @description Epoch ms it was revoked (refused from then on); null while valid. */
                                revokedAt: number | null;
                                /** @description Role per project; `"*"` grants the role in every project. Roles: admin, editor (models, monitors, rules), viewer (read), ingest (predictions and labels only). */
                                roles: {
                                    [key: string]: "admin" | "editor" | "viewer" | "ingest";
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key
         * @description Answers the secret (`secret`, `bh_…`) once: only its SHA-256 is stored. Send it as `Authorization: Bearer <secret>`, never in a URL. Only an admin of every project named in `roles` may create the key (of every project, `"*"`, for a `"*"` role). `expiresAt` (epoch ms) or `expiresInDays`; neither: the key does not expire.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Epoch ms. */
                        expiresAt?: number;
                        expiresInDays?: number;
                        name: string;
                        /** @description Role per project; `"*"` grants the role in every project. Roles: admin, editor (models, monitors, rules), viewer (read), ingest (predictions and labels only). */
                        roles: {
                            [key: string]: "admin" | "editor" | "viewer" | "ingest";
                        };
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Epoch ms. */
                            createdAt: number;
                            /** @description Who created it; null for the key created at first start. */
                            createdBy: string | null;
                            /** @description Epoch ms after which the key is refused (401); null: never. */
                            expiresAt: number | null;
                            id: string;
                            /** @description Epoch ms of the last request with it, to the minute; null before any. */
                            lastUsedAt: number | null;
                            name: string;
                            /** @description The secret's first characters, to tell keys apart (`bh_ab12`). */
                            prefix: string;
                            /** @description Epoch ms it was revoked (refused from then on); null while valid. */
                            revokedAt: number | null;
                            /** @description Role per project; `"*"` grants the role in every project. Roles: admin, editor (models, monitors, rules), viewer (read), ingest (predictions and labels only). */
                            roles: {
                                [key: string]: "admin" | "editor" | "viewer" | "ingest";
                            };
                            /** @description Shown once; store it in a secret manager. */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Refused (401) from the next request on. The key stays listed, with `revokedAt`. 404 for a key of a project the caller does not administer.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List models */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            models: {
                                createdAt: string;
                                description: string | null;
                                features: {
                                    /** @description Known categories; others are accepted and counted as unseen. */
                                    categories?: string[];
                                    /** @description Required for embedding features. */
                                    dimension?: number;
                                    name: string;
                                    /**
                                     * @description Whether a record may omit the feature or send null.
                                     * @default true
                                     */
                                    nullable: boolean;
                                    range?: {
                                        max?: number;
                                        min?: number;
                                    };
                                    /** @enum {unknown} */
                                    type: "numerical" | "categorical" | "boolean" | "text" | "embedding";
                                }[];
                                id: string;
                                label: {
                                    /** @enum {unknown} */
                                    type: "numerical" | "categorical" | "boolean";
                                } | null;
                                monitors?: {
                                    /**
                                     * @description Isolation Forest anomaly share.
                                     * @default true
                                     */
                                    anomalies: boolean;
                                    /**
                                     * @description Reference score percentile above which a row counts as anomalous.
                                     * @default 95
                                     */
                                    anomalyPercentile: number;
                                    /**
                                     * @description Missing, out-of-range and unseen-category shares (quality.* metrics).
                                     * @default true
                                     */
                                    dataQuality: boolean;
                                    /**
                                     * @description Share of drifted features at which the dataset counts as drifted.
                                     * @default 0.5
                                     */
                                    datasetDriftShare: number;
                                    /**
                                     * @description Fairness metrics, when the model names a protected attribute.
                                     * @default true
                                     */
                                    fairness: boolean;
                                    /**
                                     * @description MMD permutation test over the numerical features (about 70 % of a window's evaluation time).
                                     * @default true
                                     */
                                    multivariateDrift: boolean;
                                    /**
                                     * @description Performance metrics and label coverage once labels arrive.
                                     * @default true
                                     */
                                    performance: boolean;
                                };
                                name: string;
                                prediction: {
                                    /** @enum {unknown} */
                                    type: "numerical" | "categorical" | "boolean";
                                };
                                project: string;
                                protected: {
                                    field: string;
                                    privileged: string;
                                } | null;
                                retention: {
                                    /** @default 365 */
                                    metricsDays: number;
                                    /** @default 30 */
                                    recordsDays: number;
                                };
                                score: boolean;
                                segmentFields: string[];
                                /** @enum {unknown} */
                                task: "binary_classification" | "multiclass_classification" | "regression" | "ranking" | "embedding";
                                window: {
                                    /** @enum {unknown} */
                                    kind: "count" | "time";
                                    /** @description Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window. */
                                    lateness?: number;
                                    /** @description Records per window (count) or seconds per window (time). */
                                    size: number;
                                    /** @description Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`. */
                                    slide?: number;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a model
         * @description Creates a model in a project (default `default`). Defaults: window `{ kind: "count", size: 1000 }`, retention 30 days of records and 365 days of metrics. Unknown fields are rejected (400), so a typo cannot silently drop a setting.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        features: {
                            /** @description Known categories; others are accepted and counted as unseen. */
                            categories?: string[];
                            /** @description Required for embedding features. */
                            dimension?: number;
                            name: string;
                            /**
                             * @description Whether a record may omit the feature or send null.
                             * @default true
                             */
                            nullable?: boolean;
                            range?: {
                                max?: number;
                                min?: number;
                            };
                            /** @enum {unknown} */
                            type: "numerical" | "categorical" | "boolean" | "text" | "embedding";
                        }[];
                        label?: {
                            /** @enum {unknown} */
                            type: "numerical" | "categorical" | "boolean";
                        };
                        monitors?: {
                            /**
                             * @description Isolation Forest anomaly share.
                             * @default true
                             */
                            anomalies?: boolean;
                            /**
                             * @description Reference score percentile above which a row counts as anomalous.
                             * @default 95
                             */
                            anomalyPercentile?: number;
                            /**
                             * @description Missing, out-of-range and unseen-category shares (quality.* metrics).
                             * @default true
                             */
                            dataQuality?: boolean;
                            /**
                             * @description Share of drifted features at which the dataset counts as drifted.
                             * @default 0.5
                             */
                            datasetDriftShare?: number;
                            /**
                             * @description Fairness metrics, when the model names a protected attribute.
                             * @default true
                             */
                            fairness?: boolean;
                            /**
                             * @description MMD permutation test over the numerical features (about 70 % of a window's evaluation time).
                             * @default true
                             */
                            multivariateDrift?: boolean;
                            /**
                             * @description Performance metrics and label coverage once labels arrive.
                             * @default true
                             */
                            performance?: boolean;
                        };
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        name: string;
                        prediction: {
                            /** @enum {unknown} */
                            type: "numerical" | "categorical" | "boolean";
                        };
                        /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                        project?: string;
                        protected?: {
                            field: string;
                            privileged: string;
                        };
                        retention?: {
                            /** @default 365 */
                            metricsDays: number;
                            /** @default 30 */
                            recordsDays: number;
                        };
                        /** @description Records carry a score (probability of the positive class). */
                        score?: boolean;
                        /** @description Features whose values define segments. */
                        segmentFields?: string[];
                        /** @enum {unknown} */
                        task: "binary_classification" | "multiclass_classification" | "regression" | "ranking" | "embedding";
                        window?: {
                            /** @enum {unknown} */
                            kind: "count" | "time";
                            /** @description Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window. */
                            lateness?: number;
                            /** @description Records per window (count) or seconds per window (time). */
                            size: number;
                            /** @description Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`. */
                            slide?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            features: {
                                /** @description Known categories; others are accepted and counted as unseen. */
                                categories?: string[];
                                /** @description Required for embedding features. */
                                dimension?: number;
                                name: string;
                                /**
                                 * @description Whether a record may omit the feature or send null.
                                 * @default true
                                 */
                                nullable: boolean;
                                range?: {
                                    max?: number;
                                    min?: number;
                                };
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean" | "text" | "embedding";
                            }[];
                            id: string;
                            label: {
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean";
                            } | null;
                            monitors?: {
                                /**
                                 * @description Isolation Forest anomaly share.
                                 * @default true
                                 */
                                anomalies: boolean;
                                /**
                                 * @description Reference score percentile above which a row counts as anomalous.
                                 * @default 95
                                 */
                                anomalyPercentile: number;
                                /**
                                 * @description Missing, out-of-range and unseen-category shares (quality.* metrics).
                                 * @default true
                                 */
                                dataQuality: boolean;
                                /**
                                 * @description Share of drifted features at which the dataset counts as drifted.
                                 * @default 0.5
                                 */
                                datasetDriftShare: number;
                                /**
                                 * @description Fairness metrics, when the model names a protected attribute.
                                 * @default true
                                 */
                                fairness: boolean;
                                /**
                                 * @description MMD permutation test over the numerical features (about 70 % of a window's evaluation time).
                                 * @default true
                                 */
                                multivariateDrift: boolean;
                                /**
                                 * @description Performance metrics and label coverage once labels arrive.
                                 * @default true
                                 */
                                performance: boolean;
                            };
                            name: string;
                            prediction: {
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean";
                            };
                            project: string;
                            protected: {
                                field: string;
                                privileged: string;
                            } | null;
                            retention: {
                                /** @default 365 */
                                metricsDays: number;
                                /** @default 30 */
                                recordsDays: number;
                            };
                            score: boolean;
                            segmentFields: string[];
                            /** @enum {unknown} */
                            task: "binary_classification" | "multiclass_classification" | "regression" | "ranking" | "embedding";
                            window: {
                                /** @enum {unknown} */
                                kind: "count" | "time";
                                /** @description Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window. */
                                lateness?: number;
                                /** @description Records per window (count) or seconds per window (time). */
                                size: number;
                                /** @description Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`. */
                                slide?: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a model
         * @description Model names are unique per project; `?project=` selects the project (default `default`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            features: {
                                /** @description Known categories; others are accepted and counted as unseen. */
                                categories?: string[];
                                /** @description Required for embedding features. */
                                dimension?: number;
                                name: string;
                                /**
                                 * @description Whether a record may omit the feature or send null.
                                 * @default true
                                 */
                                nullable: boolean;
                                range?: {
                                    max?: number;
                                    min?: number;
                                };
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean" | "text" | "embedding";
                            }[];
                            id: string;
                            label: {
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean";
                            } | null;
                            monitors?: {
                                /**
                                 * @description Isolation Forest anomaly share.
                                 * @default true
                                 */
                                anomalies: boolean;
                                /**
                                 * @description Reference score percentile above which a row counts as anomalous.
                                 * @default 95
                                 */
                                anomalyPercentile: number;
                                /**
                                 * @description Missing, out-of-range and unseen-category shares (quality.* metrics).
                                 * @default true
                                 */
                                dataQuality: boolean;
                                /**
                                 * @description Share of drifted features at which the dataset counts as drifted.
                                 * @default 0.5
                                 */
                                datasetDriftShare: number;
                                /**
                                 * @description Fairness metrics, when the model names a protected attribute.
                                 * @default true
                                 */
                                fairness: boolean;
                                /**
                                 * @description MMD permutation test over the numerical features (about 70 % of a window's evaluation time).
                                 * @default true
                                 */
                                multivariateDrift: boolean;
                                /**
                                 * @description Performance metrics and label coverage once labels arrive.
                                 * @default true
                                 */
                                performance: boolean;
                            };
                            name: string;
                            prediction: {
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean";
                            };
                            project: string;
                            protected: {
                                field: string;
                                privileged: string;
                            } | null;
                            retention: {
                                /** @default 365 */
                                metricsDays: number;
                                /** @default 30 */
                                recordsDays: number;
                            };
                            score: boolean;
                            segmentFields: string[];
                            /** @enum {unknown} */
                            task: "binary_classification" | "multiclass_classification" | "regression" | "ranking" | "embedding";
                            window: {
                                /** @enum {unknown} */
                                kind: "count" | "time";
                                /** @description Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window. */
                                lateness?: number;
                                /** @description Records per window (count) or seconds per window (time). */
                                size: number;
                                /** @description Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`. */
                                slide?: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a model's settings
         * @description Changes the settings that may change once records flow: `description`, `segmentFields`, `protected`, `window`, `retention` and `monitors`, checked as at registration. `retention` and `monitors` merge over the current values; the other fields replace theirs (`null` clears `description` and `protected`). The next batch ingested and the next window evaluated use the new settings: a new `window` applies to records ingested from then on: count windows restart with the next record (the records of the count window open at the change are left out of windows), and closed windows keep their records. The record schema (task, features, prediction, label, score) and the name cannot change; these and unknown fields are rejected (400).
         */
        patch: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null clears it. */
                        description?: string | null;
                        /** @description Merged over the current settings. */
                        monitors?: {
                            /** @description Isolation Forest anomaly share. */
                            anomalies?: boolean;
                            /** @description Reference score percentile above which a row counts as anomalous. */
                            anomalyPercentile?: number;
                            /** @description Missing, out-of-range and unseen-category shares (quality.* metrics). */
                            dataQuality?: boolean;
                            /** @description Share of drifted features at which the dataset counts as drifted. */
                            datasetDriftShare?: number;
                            /** @description Fairness metrics, when the model names a protected attribute. */
                            fairness?: boolean;
                            /** @description MMD permutation test over the numerical features (about 70 % of a window's evaluation time). */
                            multivariateDrift?: boolean;
                            /** @description Performance metrics and label coverage once labels arrive. */
                            performance?: boolean;
                        };
                        /** @description null: no fairness monitor. */
                        protected?: {
                            field: string;
                            privileged: string;
                        } | null;
                        /** @description Merged over the current retention. */
                        retention?: {
                            metricsDays?: number;
                            recordsDays?: number;
                        };
                        /** @description Replaces the list; applies to records ingested from then on. */
                        segmentFields?: string[];
                        window?: {
                            /** @enum {unknown} */
                            kind: "count" | "time";
                            /** @description Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window. */
                            lateness?: number;
                            /** @description Records per window (count) or seconds per window (time). */
                            size: number;
                            /** @description Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`. */
                            slide?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            features: {
                                /** @description Known categories; others are accepted and counted as unseen. */
                                categories?: string[];
                                /** @description Required for embedding features. */
                                dimension?: number;
                                name: string;
                                /**
                                 * @description Whether a record may omit the feature or send null.
                                 * @default true
                                 */
                                nullable: boolean;
                                range?: {
                                    max?: number;
                                    min?: number;
                                };
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean" | "text" | "embedding";
                            }[];
                            id: string;
                            label: {
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean";
                            } | null;
                            monitors?: {
                                /**
                                 * @description Isolation Forest anomaly share.
                                 * @default true
                                 */
                                anomalies: boolean;
                                /**
                                 * @description Reference score percentile above which a row counts as anomalous.
                                 * @default 95
                                 */
                                anomalyPercentile: number;
                                /**
                                 * @description Missing, out-of-range and unseen-category shares (quality.* metrics).
                                 * @default true
                                 */
                                dataQuality: boolean;
                                /**
                                 * @description Share of drifted features at which the dataset counts as drifted.
                                 * @default 0.5
                                 */
                                datasetDriftShare: number;
                                /**
                                 * @description Fairness metrics, when the model names a protected attribute.
                                 * @default true
                                 */
                                fairness: boolean;
                                /**
                                 * @description MMD permutation test over the numerical features (about 70 % of a window's evaluation time).
                                 * @default true
                                 */
                                multivariateDrift: boolean;
                                /**
                                 * @description Performance metrics and label coverage once labels arrive.
                                 * @default true
                                 */
                                performance: boolean;
                            };
                            name: string;
                            prediction: {
                                /** @enum {unknown} */
                                type: "numerical" | "categorical" | "boolean";
                            };
                            project: string;
                            protected: {
                                field: string;
                                privileged: string;
                            } | null;
                            retention: {
                                /** @default 365 */
                                metricsDays: number;
                                /** @default 30 */
                                recordsDays: number;
                            };
                            score: boolean;
                            segmentFields: string[];
                            /** @enum {unknown} */
                            task: "binary_classification" | "multiclass_classification" | "regression" | "ranking" | "embedding";
                            window: {
                                /** @enum {unknown} */
                                kind: "count" | "time";
                                /** @description Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window. */
                                lateness?: number;
                                /** @description Records per window (count) or seconds per window (time). */
                                size: number;
                                /** @description Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`. */
                                slide?: number;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/models/{model}/aliases/{alias}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Point an alias at a version
         * @description Moves the alias (e.g. `production`, `staging`, `champion`) to the version, from any other version of the model. Predictions without a version go to the `production` alias.
         */
        put: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    alias: string;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aliases: string[];
                            createdAt: string;
                            id: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            modelId: string;
                            reference: {
                                builtAt: string;
                                rows: number;
                            } | null;
                            version: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Current status per monitor
         * @description For each monitor (metric family: drift, quality, performance, anomaly, fairness, label …) the worst status of its newest all-segments points, with the points at warning or critical. `insufficient_data` when nothing has been evaluated.
         */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            model: string;
                            monitors: {
                                alerts: {
                                    feature: string | null;
                                    /** @description e.g. drift.statistic, drift.share, quality.missing_share, performance.rocAuc, anomaly.share, fairness.disparateImpact, label.coverage */
                                    metric: string;
                                    modelId: string;
                                    pValue: number | null;
                                    segment: string | null;
                                    /** @enum {unknown} */
                                    status: "ok" | "warning" | "critical" | "insufficient_data";
                                    threshold: number | null;
                                    /** @description Epoch ms: the window's end time. */
                                    time: number;
                                    value: number | null;
                                    versionId: string;
                                    windowId: string;
                                }[];
                                counts: {
                                    critical: number;
                                    insufficient_data: number;
                                    ok: number;
                                    warning: number;
                                };
                                monitor: string;
                                /** @enum {unknown} */
                                status: "ok" | "warning" | "critical" | "insufficient_data";
                                updatedAt: number;
                            }[];
                            /** @enum {unknown} */
                            status: "ok" | "warning" | "critical" | "insufficient_data";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send ground-truth labels
         * @description Labels join their predictions by id, and may arrive before them; a second label for an id is a duplicate. Windows holding labelled records are re-evaluated. Answered per label as for predictions. The body is JSON, or JSON Lines (`Content-Type: application/x-ndjson`, one record per line), optionally with `Content-Encoding: gzip` (the body limit applies to the decoded size). A body over the limit, or a batch with more records than the limit, answers 413 naming the limit.
         */
        post: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        labels: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            duplicates: number;
                            rejected: number;
                            /** @description One outcome per record, in the batch's order. */
                            results: ({
                                id: string | null;
                                /** @enum {string} */
                                status: "accepted";
                            } | {
                                id: string | null;
                                /** @enum {string} */
                                status: "duplicate";
                            } | {
                                field: string;
                                id: string | null;
                                reason: string;
                                /** @enum {string} */
                                status: "rejected";
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A metric's time series
         * @description Metric points oldest first. Without `segment`, the all-segments series; `segment=*` for every segment. `version` is a version or an alias. `from` and `to` (inclusive) are epoch milliseconds or ISO 8601.
         */
        get: {
            parameters: {
                query?: {
                    feature?: string;
                    from?: string;
                    limit?: number;
                    /** @description e.g. drift.statistic, quality.missing_share, performance.rocAuc */
                    metric?: string;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                    segment?: string;
                    to?: string;
                    version?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            points: {
                                feature: string | null;
                                /** @description e.g. drift.statistic, drift.share, quality.missing_share, performance.rocAuc, anomaly.share, fairness.disparateImpact, label.coverage */
                                metric: string;
                                modelId: string;
                                pValue: number | null;
                                segment: string | null;
                                /** @enum {unknown} */
                                status: "ok" | "warning" | "critical" | "insufficient_data";
                                threshold: number | null;
                                /** @description Epoch ms: the window's end time. */
                                time: number;
                                value: number | null;
                                versionId: string;
                                windowId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send predictions
         * @description Each record is validated on its own against the model's schema and answered in order: `accepted`, `duplicate` (an id seen before, counted once) or `rejected` with the field and reason; valid records of a batch are stored even when others are rejected. A record without `version` goes to the model's `production` alias (no alias: rejected on field `version`). Unknown top-level fields of a record, and features the model does not declare, are ignored. Values outside a declared range and unseen categories are accepted (they are data-quality findings). The answer comes after the records are durably committed. The body is JSON, or JSON Lines (`Content-Type: application/x-ndjson`, one record per line), optionally with `Content-Encoding: gzip` (the body limit applies to the decoded size). A body over the limit, or a batch with more records than the limit, answers 413 naming the limit.
         */
        post: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Each record is validated on its own: valid records of a batch are accepted even when others are rejected. */
                        records: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            duplicates: number;
                            rejected: number;
                            /** @description One outcome per record, in the batch's order. */
                            results: ({
                                id: string | null;
                                /** @enum {string} */
                                status: "accepted";
                            } | {
                                id: string | null;
                                /** @enum {string} */
                                status: "duplicate";
                            } | {
                                field: string;
                                id: string | null;
                                reason: string;
                                /** @enum {string} */
                                status: "rejected";
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a model's versions */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                aliases: string[];
                                createdAt: string;
                                id: string;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                modelId: string;
                                reference: {
                                    builtAt: string;
                                    rows: number;
                                } | null;
                                version: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a model version
         * @description Unknown fields are rejected (400). `aliases` point at the new version, moved from any other version of the model.
         */
        post: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        aliases?: string[];
                        metadata?: {
                            artifactUri?: string;
                            metrics?: {
                                [key: string]: number;
                            };
                            parameters?: {
                                [key: string]: unknown;
                            };
                            trainingDataHash?: string;
                        };
                        version: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aliases: string[];
                            createdAt: string;
                            id: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            modelId: string;
                            reference: {
                                builtAt: string;
                                rows: number;
                            } | null;
                            version: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/versions/{version}/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a version's reference data set
         * @description The reference profile every monitor reads is built once from the upload and replaces any earlier one; at most 10,000 rows are kept (a seeded uniform sample taken while reading), counts cover every row. `{version}` may be an alias. Any body may be gzip-encoded.
         *     - JSON (`{ "records": [...] }`, in memory, under `bodyLimitBytes`) or JSON Lines (`application/x-ndjson`, one record per line): records in the prediction record shape (`features`, `prediction`, `score`?, `label`?; `id` optional), validated against the model's schema; any invalid record fails the upload (400 `invalid_reference`, listing the records and fields).
         *     - CSV (`text/csv`, delimiter detected) or Parquet (`application/vnd.apache.parquet`, or `application/octet-stream` with `?format=parquet`): Columns named like the model's features, and `prediction`, `score`, `label` for the record's own fields; an embedding feature as one column of vectors or numbered columns `<name>_0`, `<name>_1` …; other columns are ignored. Each column is read with the model's type. A file with none of the model's columns, an unreadable file or values that do not parse as the model's type: 400 `invalid_reference` naming the column.
         *     - JSON Lines, CSV and Parquet stream to a temporary file (removed afterwards) under `referenceBodyLimitBytes` (default 1 GiB; 413 `body_too_large` naming the setting). Other content types: 415.
         */
        post: {
            parameters: {
                query?: {
                    /** @description The format of an `application/octet-stream` body; other content types name their format. */
                    format?: "csv" | "jsonl" | "parquet";
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Each record is validated on its own: valid records of a batch are accepted even when others are rejected. */
                        records: unknown[];
                    };
                    "application/octet-stream": unknown;
                    "application/vnd.apache.parquet": unknown;
                    "application/x-ndjson": unknown;
                    "text/csv": unknown;
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aliases: string[];
                            createdAt: string;
                            id: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            modelId: string;
                            reference: {
                                builtAt: string;
                                rows: number;
                            } | null;
                            version: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/versions/{version}/reference/from-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build a version's reference from ingested records
         * @description Builds the reference profile from the stored records (with their labels) of a version whose timestamps lie in [`from`, `to`], optionally of one segment: read in pages, at most 10,000 of them kept as a seeded uniform sample, counts over all. `version` picks the records of another version (e.g. the previous one, as the reference of its successor); default the version in the path. Replaces any earlier profile. 422 `no_records` when the range holds none.
         */
        post: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 8601 with an offset, or epoch milliseconds; inclusive. */
                        from: string | number;
                        /** @description Only records of this segment. */
                        segment?: string;
                        /** @description ISO 8601 with an offset, or epoch milliseconds; inclusive. */
                        to: string | number;
                        /** @description Records of this version or alias; default the version in the path. */
                        version?: string;
                    };
                };
            };
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aliases: string[];
                            createdAt: string;
                            id: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            modelId: string;
                            reference: {
                                builtAt: string;
                                rows: number;
                            } | null;
                            version: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List closed windows, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page. */
                    before?: string;
                    limit?: number;
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Pass as `before` for the next (older) page; null on the last page. */
                            next: string | null;
                            windows: {
                                closedAt: number;
                                count: number;
                                /** @description Count windows: the ingestion sequence number of the last record. Time windows: the largest one of its records. */
                                endSeq: number;
                                /** @description Epoch ms. Count windows: the latest record timestamp. Time windows: the window's end (exclusive). */
                                endTime: number;
                                evaluatedAt: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "count" | "time";
                                /** @description Records of the window with a label at the last evaluation. */
                                labelled: number;
                                modelId: string;
                                segment: string | null;
                                /** @description Count windows: the ingestion sequence number of the first record. Time windows: the smallest one of its records. */
                                startSeq: number;
                                /** @description Epoch ms. Count windows: the earliest record timestamp. Time windows: the window's start (inclusive). */
                                startTime: number;
                                /** @enum {unknown} */
                                status: "pending" | "evaluated";
                                versionId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/models/{model}/windows/{window}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one window with every result */
        get: {
            parameters: {
                query?: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    project?: string;
                };
                header?: never;
                path: {
                    /** @description lowercase letters, digits, ".", "_" and "-"; at most 100 characters */
                    model: string;
                    window: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            points: {
                                feature: string | null;
                                /** @description e.g. drift.statistic, drift.share, quality.missing_share, performance.rocAuc, anomaly.share, fairness.disparateImpact, label.coverage */
                                metric: string;
                                modelId: string;
                                pValue: number | null;
                                segment: string | null;
                                /** @enum {unknown} */
                                status: "ok" | "warning" | "critical" | "insufficient_data";
                                threshold: number | null;
                                /** @description Epoch ms: the window's end time. */
                                time: number;
                                value: number | null;
                                versionId: string;
                                windowId: string;
                            }[];
                            /** @description The report-shaped results of the window's evaluation; null until evaluated. */
                            results: unknown;
                            window: {
                                closedAt: number;
                                count: number;
                                /** @description Count windows: the ingestion sequence number of the last record. Time windows: the largest one of its records. */
                                endSeq: number;
                                /** @description Epoch ms. Count windows: the latest record timestamp. Time windows: the window's end (exclusive). */
                                endTime: number;
                                evaluatedAt: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "count" | "time";
                                /** @description Records of the window with a label at the last evaluation. */
                                labelled: number;
                                modelId: string;
                                segment: string | null;
                                /** @description Count windows: the ingestion sequence number of the first record. Time windows: the smallest one of its records. */
                                startSeq: number;
                                /** @description Epoch ms. Count windows: the earliest record timestamp. Time windows: the window's start (inclusive). */
                                startTime: number;
                                /** @enum {unknown} */
                                status: "pending" | "evaluated";
                                versionId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Every error has this shape; `code` is stable, `message` is for people. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "invalid_json" | "validation_failed" | "invalid_body" | "invalid_reference" | "unauthorized" | "forbidden" | "credentials_in_url" | "not_found" | "key_not_found" | "model_not_found" | "version_not_found" | "window_not_found" | "rule_not_found" | "alert_not_found" | "incident_not_found" | "channel_not_found" | "artifact_not_found" | "signature_required" | "signature_invalid" | "artifact_untrusted" | "artifact_integrity_failed" | "model_exists" | "version_exists" | "rule_exists" | "channel_exists" | "invalid_transition" | "alert_changed" | "no_records" | "body_too_large" | "batch_too_large" | "unsupported_media_type" | "unsupported_encoding" | "not_acceptable" | "too_many_streams" | "rate_limited" | "request_timeout" | "not_ready" | "audit_failed" | "internal";
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
