-- The outbox for webhooks registered through the webhooks API of MLflow 3 (webhook.format = mlflow).
-- Their events are the registry changes MLflow names: a model or version created, a version tag set or
-- deleted, an alias set or deleted. The app queues deliveries for Modelgate hooks itself, one statement
-- per subscribable event. Doing the same here would add a round trip to every registration and tag
-- change, so this trigger queues MLflow hooks in the same transaction as the audit event, with the same
-- payload the app writes (lib/services/internal/outbox.ts). Only the six actions fire it.
-- (Bodies are E-strings with escaped semicolons and dollar-quoted literals: the offline migration
-- runner splits on semicolons and reads apostrophes as quotes, even in comments, which therefore have
-- neither.)
CREATE FUNCTION "modelgate_enqueue_mlflow_webhooks"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "webhook_delivery" ("delivery_id", "webhook_id", "event_type", "payload", "next_attempt_at", "created_at")
    SELECT gen_random_uuid()::text, w."id", NEW."action",
      jsonb_build_object(
        $m$event$m$, NEW."action",
        $m$occurredAt$m$, to_char(NEW."at", $m$YYYY-MM-DD"T"HH24:MI:SS.MS"Z"$m$),
        $m$actor$m$, NEW."actor_label",
        $m$model$m$, NEW."model_name",
        $m$version$m$, NEW."version_number",
        $m$fromStage$m$, NEW."from_stage",
        $m$toStage$m$, NEW."to_stage",
        $m$comment$m$, NEW."comment",
        $m$data$m$, COALESCE(NEW."data", $m${}$m$::jsonb)),
      now(), now()
    FROM "webhook" w
    WHERE w."format" = $m$mlflow$m$ AND w."active" AND NOT w."disabled" AND NEW."action" = ANY (w."events")
      AND (w."model_id" IS NULL OR w."model_id" = NEW."model_id")\073
  RETURN NULL\073
END';

CREATE TRIGGER "audit_event_mlflow_webhooks"
  AFTER INSERT ON "audit_event"
  FOR EACH ROW
  WHEN (NEW."action" IN ('model.created', 'version.registered', 'version.tag_set', 'version.tag_deleted', 'alias.set', 'alias.deleted'))
  EXECUTE FUNCTION "modelgate_enqueue_mlflow_webhooks"();
