-- fct_openrouter_llm_tokens: OpenRouter's daily LLM token panel per model and variant (LLM tokens,
-- not video), with the author, the author's origin and the cited open-weight status
-- (int_openrouter_llm_tokens).
select * from int.int_openrouter_llm_tokens
