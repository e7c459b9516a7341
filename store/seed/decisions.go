package seed

import (
	"context"
	"fmt"
	"io"
	"slices"

	"channelboard/channel"
	"channelboard/store"
)

// DemoConflicts runs the conflict engine over the demo's deals — the
// conflicts come from the rules, never from inserts — and then takes the
// decisions a channel team would have taken over the past weeks, so the board
// shows every column: some conflicts acknowledged, some resolved each way,
// some dismissed. Seed 000's customer (id 1) is left open: it is the story a
// newcomer should find on the board. Deterministic: conflicts are taken in id
// order.
func DemoConflicts(ctx context.Context, st *store.Store, progress io.Writer) error {
	if progress == nil {
		progress = io.Discard
	}
	last := -1
	err := st.ReevaluateAll(ctx, func(done, total int) {
		if total == 0 {
			return
		}
		if pct := done * 100 / total; pct/20 != last/20 {
			last = pct
			fmt.Fprintf(progress, "conflict rules: %d / %d customers (%d%%)\n", done, total, pct)
		}
	})
	if err != nil {
		return fmt.Errorf("evaluate demo deals: %w", err)
	}

	var open []store.Conflict
	first := 200
	page := store.Page{First: &first}
	for {
		l, err := st.ListConflicts(ctx, store.ConflictFilter{Statuses: []channel.ConflictStatus{channel.ConflictOpen}}, store.Order{Field: store.ConflictByDetectedAt}, page)
		if err != nil {
			return err
		}
		open = append(open, l.Items...)
		if !l.HasNextPage {
			break
		}
		page.After = l.Cursors[len(l.Cursors)-1]
	}
	slices.SortFunc(open, func(a, b store.Conflict) int { return int(a.ID - b.ID) })

	const manager = "manager@example.com"
	done := map[int64]bool{}
	decided := 0
	for i, c := range open {
		if done[c.ID] || slices.Contains(c.CustomerIDs, 1) {
			continue
		}
		var r *store.ConflictResolve
		switch {
		case i%7 == 0:
			if _, err := st.AcknowledgeConflict(ctx, c.ID, manager); err != nil {
				return fmt.Errorf("acknowledge conflict %d: %w", c.ID, err)
			}
			done[c.ID] = true
			continue
		case i%11 == 1 && c.Kind == channel.PriceMismatch:
			r = &store.ConflictResolve{Resolution: channel.Dismiss, Note: "Both quotes were within the project's negotiated band; no action."}
		case i%5 == 2 && c.Kind == channel.DuplicateRegistration && len(c.DealerIDs) > 0:
			r = &store.ConflictResolve{Resolution: channel.AwardDealer, DealerID: c.DealerIDs[0], Note: "The first registration stands; the later one is cancelled."}
		case i%5 == 3 && c.Kind == channel.SmallDirectOrder && c.SuggestedDealerID != 0:
			r = &store.ConflictResolve{Resolution: channel.RouteToDealer, Note: "Below the direct-sale threshold: handed to the dealer covering the territory."}
		case i%9 == 4 && c.Kind == channel.DuplicateCustomer:
			r = &store.ConflictResolve{Resolution: channel.Dismiss, Note: "Different companies with similar names; checked the registry."}
		}
		if r == nil {
			continue
		}
		r.ConflictID = c.ID
		r.DecidedBy = manager
		res, err := st.ResolveConflict(ctx, *r)
		if err != nil {
			// An earlier decision may have closed this conflict already
			// (its deal was cancelled): that is the engine doing its job.
			if channel.ErrorCode(err) == channel.EConflict {
				continue
			}
			return fmt.Errorf("resolve conflict %d (%s, %s): %w", c.ID, c.Kind, r.Resolution, err)
		}
		for _, id := range res.Changed {
			done[id] = true
		}
		decided++
	}
	fmt.Fprintf(progress, "conflicts: %d found, %d decided by the channel team\n", len(open), decided)
	return nil
}
