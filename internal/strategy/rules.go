package strategy

// Rules a strategy document can break. Each is the key of its message in the
// translation catalogue (internal/locale), which gives the arguments' meaning.
const (
	// Reading the file.
	RuleSyntax        = "strategy.syntax"         // the YAML parser's message
	RuleEmpty         = "strategy.empty"          //
	RuleManyDocuments = "strategy.many_documents" //
	RuleAlias         = "strategy.alias"          //
	RuleUnknownField  = "strategy.unknown_field"  // field, allowed fields
	RuleDuplicateKey  = "strategy.duplicate_key"  // key
	RuleWantMapping   = "strategy.want_mapping"   //
	RuleWantList      = "strategy.want_list"      //
	RuleWantValue     = "strategy.want_value"     //
	RuleNotInteger    = "strategy.not_integer"    // value
	RuleNotNumber     = "strategy.not_number"     // value
	RuleNotBool       = "strategy.not_bool"       // value

	// YAML syntax: the parser's common messages, each in words of its own
	// (syntax.go); the rest keep the parser's text under RuleSyntax.
	RuleYAMLExpectedKey    = "strategy.yaml_expected_key"     //
	RuleYAMLExpectedItem   = "strategy.yaml_expected_item"    //
	RuleYAMLExpectedValue  = "strategy.yaml_expected_value"   //
	RuleYAMLUnclosedList   = "strategy.yaml_unclosed_list"    //
	RuleYAMLUnclosedFields = "strategy.yaml_unclosed_mapping" //
	RuleYAMLUnclosedQuote  = "strategy.yaml_unclosed_quote"   //
	RuleYAMLColon          = "strategy.yaml_colon"            //
	RuleYAMLMissingColon   = "strategy.yaml_missing_colon"    //
	RuleYAMLDash           = "strategy.yaml_dash"             //
	RuleYAMLTab            = "strategy.yaml_tab"              //
	RuleYAMLBadChar        = "strategy.yaml_bad_char"         // character
	RuleYAMLEscape         = "strategy.yaml_escape"           //
	RuleYAMLBlockHeader    = "strategy.yaml_block_header"     //
	RuleYAMLTag            = "strategy.yaml_tag"              //
	RuleYAMLControlChar    = "strategy.yaml_control_char"     // code point, e.g. U+0007
	RuleYAMLNotUTF8        = "strategy.yaml_not_utf8"         //

	// Whole document.
	RuleRequired    = "strategy.required"     // field
	RuleBadID       = "strategy.bad_id"       // id
	RuleDuplicateID = "strategy.duplicate_id" // id
	RuleBadPeriod   = "strategy.bad_period"   // from, to
	RuleBadLogo     = "strategy.bad_logo"     // max KB
	RuleBadCVR      = "strategy.bad_cvr"      // the number

	// Channels and inquiry types.
	RuleBadKind              = "strategy.bad_kind"              // kind
	RuleUnknownChannel       = "strategy.unknown_channel"       // id, known ids
	RuleUnknownType          = "strategy.unknown_type"          // id, the strategy's types
	RuleNoPrimary            = "strategy.no_primary"            // type, direction
	RulePrimaryInappropriate = "strategy.primary_inappropriate" // channel
	RuleChannelTwice         = "strategy.channel_twice"         // channel
	RuleWrongDirection       = "strategy.wrong_direction"       // channel, direction

	// Departments and areas.
	RuleUnknownDepartment     = "strategy.unknown_department" // id
	RuleBadKLE                = "strategy.bad_kle"            // value
	RuleDuplicateKLE          = "strategy.duplicate_kle"      // value
	RuleNoTypes               = "strategy.no_types"           //
	RuleTypeNotHandled        = "strategy.type_not_handled"   // type
	RuleMandatoryNeedsTx      = "strategy.mandatory_needs_transaction"
	RuleMandatoryNotDigital   = "strategy.mandatory_not_digital"   // channel
	RuleExemptionNotSecondary = "strategy.exemption_not_secondary" // channel
	RuleBadDate               = "strategy.bad_date"                // value
	RuleBadSBLevel            = "strategy.bad_sb_level"            // level
	RuleBadLogin              = "strategy.bad_login"               // value
	RuleBadURL                = "strategy.bad_url"                 // value
	RuleBadResponseDays       = "strategy.bad_response_days"       // days
	RuleBadRetentionDays      = "strategy.bad_retention_days"      // days, maximum
	RuleBadReadiness          = "strategy.bad_readiness"           // value
	RuleBadWave               = "strategy.bad_wave"                // wave
	RuleBadExampleField       = "strategy.bad_example_field"       // value, allowed values
	RuleBadSearchWord         = "strategy.bad_search_word"         // value, longest length
	RuleDuplicateSearchWord   = "strategy.duplicate_search_word"   // value
	RuleBadHaveReady          = "strategy.bad_have_ready"          // value, longest length
	RuleOtherTwice            = "strategy.other_twice"             // id of the first other area
	RuleUnknownReferral       = "strategy.unknown_referral"        // id, known ids

	// The ranked channel order and the minimum SB level.
	RuleOrderEmptyRank    = "strategy.order_empty_rank"   // rank
	RuleOrderContradicted = "strategy.order_contradicted" // channel, its rank, list, other channel, its rank, list

	// Referrals: places outside the municipality.
	RuleReferralIsChannel   = "strategy.referral_is_channel"  // id
	RuleReferralUnreachable = "strategy.referral_unreachable" //

	// Prices.
	RuleNegativePrice     = "strategy.negative_price" // dkk
	RuleNoSource          = "strategy.no_source"      //
	RuleSBLevelNotSelfSvc = "strategy.sb_level_not_self_service"
	RuleDuplicatePrice    = "strategy.duplicate_price" //
	RuleBadCurrency       = "strategy.bad_currency"    // value
	RuleBadPriceYear      = "strategy.bad_price_year"  // year

	// Targets.
	RuleBadMeasure   = "strategy.bad_measure"   // value
	RuleBadDirection = "strategy.bad_direction" // value
	RuleShareRange   = "strategy.share_range"   // share
	RuleYearOutside  = "strategy.year_outside"  // year, from, to
	RuleNoShares     = "strategy.no_shares"     //
	RuleNoDeadline   = "strategy.no_deadline"   //
	RuleUnknownArea  = "strategy.unknown_area"  // ref
	RuleMeasureType  = "strategy.measure_type"  // measure, type

	// Opening hours and holidays.
	RuleBadDay       = "strategy.bad_day"        // value
	RuleBadTime      = "strategy.bad_time"       // value
	RuleHoursOrder   = "strategy.hours_order"    // from, to
	RuleHoursOverlap = "strategy.hours_overlap"  // day, from, to, other from, other to
	RuleBadCalendar  = "strategy.bad_calendar"   // value
	RuleBadClosedDay = "strategy.bad_closed_day" // value
)
