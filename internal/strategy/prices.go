package strategy

// PriceOf returns the price of one inquiry on a channel, for an inquiry type
// and, on self-service, the solution's SB level (nil when unknown). The most
// specific entry wins: type and level, then level, then type, then the
// channel alone.
func (s *Strategy) PriceOf(channel, typ string, sbLevel *int) (Price, bool) {
	best, bestScore := Price{}, -1
	for _, p := range s.Prices.Entries {
		if p.Channel != channel || p.DKK == nil {
			continue
		}
		score := 0
		switch {
		case p.Type == typ:
			score++
		case p.Type != "":
			continue
		}
		switch {
		case p.SBLevel == nil:
		case sbLevel != nil && *p.SBLevel == *sbLevel:
			score += 2
		default:
			continue
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best, bestScore >= 0
}
