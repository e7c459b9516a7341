package server

import (
	"encoding/base64"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"channelboard/channel"
	"channelboard/store"
)

// ExportHandler serves GET /export/{customers|deals|dealers}.csv: the list,
// filtered by the query parameters the GraphQL lists take (ids as global
// ids or plain numbers), as a UTF-8 CSV file with a byte-order mark,
// streamed from the database in keyset pages.
//
//	/export/customers.csv?ownerKind=DEALER&regionId=…&segment=RETAIL&keyAccount=true&search=agro&ownerDealerId=…
//	/export/deals.csv?stages=WON,LOST&channelKind=DIRECT&dealerId=…&customerId=…&productLineId=…&regionId=…&openOnly=true
//	/export/dealers.csv?kind=DISTRIBUTOR&status=ACTIVE&regionId=…&search=…
//
// Mount it with mux.Handle("GET /export/{file}", ExportHandler(st, logger)).
func ExportHandler(st *store.Store, logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file := r.PathValue("file")
		if file == "" {
			file = r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
		}
		kind, ok := strings.CutSuffix(file, ".csv")
		if _, known := store.CSVColumns[kind]; !ok || !known {
			http.Error(w, "unknown export; try customers.csv, deals.csv or dealers.csv", http.StatusNotFound)
			return
		}
		// Without a viewer the store would read as trusted code: never
		// for a request from outside.
		if _, ok := channel.ViewerFrom(r.Context()); !ok {
			writeError(w, http.StatusUnauthorized, channel.EUnauthenticated, "sign in first")
			return
		}
		f, err := exportFilter(kind, r.URL.Query())
		if err != nil {
			http.Error(w, channel.ErrorMessage(err), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+kind+`.csv"`)
		w.Header().Set("Cache-Control", "no-store")
		// Once rows are streaming the status is sent; a failure can only cut
		// the file short, so it is logged.
		if err := st.ExportCSV(r.Context(), kind, f, w); err != nil {
			logger.ErrorContext(r.Context(), "export failed", "op", "export", "kind", kind, "err", err)
		}
	})
}

// exportID reads an id parameter: a GraphQL global id of typ ("Dealer:7"
// in base64) or a plain number.
func exportID(q url.Values, name, typ string) (*int64, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return nil, nil
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
		return &n, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(v, "="))
	if err == nil {
		t, num, found := strings.Cut(string(b), ":")
		if n, perr := strconv.ParseInt(num, 10, 64); found && t == typ && perr == nil && n > 0 {
			return &n, nil
		}
	}
	return nil, channel.Invalid(name, "%s is not a %s id", name, typ)
}

func exportBool(q url.Values, name string) (*bool, error) {
	v := q.Get(name)
	if v == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, channel.Invalid(name, "%s must be true or false", name)
	}
	return &b, nil
}

func exportEnum[T ~string](q url.Values, name string, allowed ...T) (*T, error) {
	v := q.Get(name)
	if v == "" {
		return nil, nil
	}
	for _, a := range allowed {
		if string(a) == v {
			return &a, nil
		}
	}
	return nil, channel.Invalid(name, "%s %q is not allowed", name, v)
}

func exportStr(q url.Values, name string) *string {
	if v := q.Get(name); v != "" {
		return &v
	}
	return nil
}

// exportFilter maps the query parameters of kind to the store's filter.
func exportFilter(kind string, q url.Values) (store.ExportFilter, error) {
	var f store.ExportFilter
	var errs []error
	id := func(name, typ string) *int64 {
		v, err := exportID(q, name, typ)
		errs = append(errs, err)
		return v
	}
	switch kind {
	case store.CSVCustomers:
		c := &f.Customers
		var err error
		c.OwnerKind, err = exportEnum(q, "ownerKind", channel.OwnerDealer, channel.OwnerDirect, channel.OwnerUnassigned)
		errs = append(errs, err)
		c.OwnerDealerID = id("ownerDealerId", "Dealer")
		c.RegionID = id("regionId", "Region")
		c.Segment, err = exportEnum(q, "segment", channel.Segments...)
		errs = append(errs, err)
		c.KeyAccount, err = exportBool(q, "keyAccount")
		errs = append(errs, err)
		c.Search = exportStr(q, "search")
	case store.CSVDeals:
		d := &f.Deals
		if s := q.Get("stages"); s != "" {
			for _, v := range strings.Split(s, ",") {
				st, err := exportEnum(url.Values{"stages": {strings.TrimSpace(v)}}, "stages",
					channel.StagePendingApproval, channel.StageRegistered, channel.StageQuoted,
					channel.StageWon, channel.StageLost, channel.StageCancelled)
				if err != nil {
					return f, err
				}
				d.Stages = append(d.Stages, *st)
			}
		}
		var err error
		d.ChannelKind, err = exportEnum(q, "channelKind", channel.ChannelDealer, channel.ChannelDirect)
		errs = append(errs, err)
		d.DealerID = id("dealerId", "Dealer")
		d.CustomerID = id("customerId", "Customer")
		d.ProductLineID = id("productLineId", "ProductLine")
		d.RegionID = id("regionId", "Region")
		d.OpenOnly, err = exportBool(q, "openOnly")
		errs = append(errs, err)
	case store.CSVDealers:
		d := &f.Dealers
		var err error
		d.Kind, err = exportEnum(q, "kind", channel.Distributor, channel.DealerKindDealer, channel.Subdealer)
		errs = append(errs, err)
		d.Status, err = exportEnum(q, "status", channel.DealerActive, channel.DealerSuspended, channel.DealerTerminated)
		errs = append(errs, err)
		d.RegionID = id("regionId", "Region")
		d.Search = exportStr(q, "search")
	}
	for _, err := range errs {
		if err != nil {
			return f, err
		}
	}
	return f, nil
}
