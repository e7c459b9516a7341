package graph

import (
	"channelboard/channel"
	"channelboard/graph/model"
	"channelboard/store"
)

// This file maps the audit log between the GraphQL models and the store,
// as convert.go does for the rest. It decides nothing.

// typeAuditEntry names audit entries' opaque ids; entries are not nodes.
const typeAuditEntry = "AuditEntry"

// auditNodeTypes maps the entities the store audits to their node types;
// the others (user, api_token) have no global id.
var auditNodeTypes = map[string]string{
	"customer":             typeCustomer,
	"deal":                 typeDeal,
	"dealer":               typeDealer,
	"region":               typeRegion,
	"product_line":         typeProductLine,
	"territory_assignment": typeTerritory,
	"conflict":             typeConflict,
	"policy":               typePolicy,
}

// auditEntityOf is auditNodeTypes backwards: the entity of a node type.
var auditEntityOf = func() map[string]string {
	m := make(map[string]string, len(auditNodeTypes))
	for entity, typ := range auditNodeTypes {
		m[typ] = entity
	}
	return m
}()

func auditFilter(f *model.AuditFilter) (store.AuditFilter, error) {
	var out store.AuditFilter
	if f == nil {
		return out, nil
	}
	out.Entity, out.Actor, out.Action, out.From, out.To = f.Entity, f.Actor, f.Action, f.From, f.To
	out.EntityID = f.EntityKey
	if f.EntityID == nil {
		return out, nil
	}
	typ, id, ok := parseID(*f.EntityID)
	if !ok {
		return out, channel.Invalid("filter.entityId", "invalid id")
	}
	entity, ok := auditEntityOf[typ]
	switch {
	case !ok:
		return out, channel.Invalid("filter.entityId", "the audit log does not record a %s", typ)
	case f.Entity != nil && *f.Entity != entity:
		return out, channel.Invalid("filter.entityId", "the id is of a %s, not a %s", entity, *f.Entity)
	case f.EntityKey != nil && *f.EntityKey != id:
		return out, channel.Invalid("filter.entityKey", "the key contradicts entityId")
	}
	out.Entity, out.EntityID = &entity, &id
	return out, nil
}

func auditEntry(e store.AuditEntry) *model.AuditEntry {
	out := &model.AuditEntry{ID: encodeID(typeAuditEntry, e.ID), At: e.At, Actor: e.Actor, Action: e.Action,
		Entity: e.Entity, EntityKey: e.EntityID}
	if e.ActorRole != "" {
		role := string(e.ActorRole)
		out.ActorRole = &role
	}
	if typ, ok := auditNodeTypes[e.Entity]; ok {
		gid := encodeID(typ, e.EntityID)
		out.EntityID = &gid
	}
	if e.Before != nil {
		b := string(e.Before)
		out.Before = &b
	}
	if e.After != nil {
		a := string(e.After)
		out.After = &a
	}
	return out
}

func auditConnection(l store.List[store.AuditEntry], after *string) *model.AuditEntryConnection {
	c := &model.AuditEntryConnection{Edges: make([]model.AuditEntryEdge, len(l.Items)), TotalCount: l.Total,
		PageInfo: pageInfo(l.Cursors, l.HasNextPage, after)}
	for i, e := range l.Items {
		c.Edges[i] = model.AuditEntryEdge{Cursor: l.Cursors[i], Node: auditEntry(e)}
	}
	return c
}
