-- The strategy cards given with an answer (JSON array of AiApi.StrategyCard; null when none).
alter table ai_insights add column cards varchar;
