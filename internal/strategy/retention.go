package strategy

// MaxRetentionDays is the longest retention_days an area may set: ten
// years. A longer period is more likely a typing error than a decision.
const MaxRetentionDays = 3650
