package channel

import (
	"errors"
	"fmt"
)

// Error codes; the GraphQL error presenter maps them to extensions.code.
const (
	EUnauthenticated = "UNAUTHENTICATED"
	EForbidden       = "FORBIDDEN"
	ENotFound        = "NOT_FOUND"
	EInvalid         = "BAD_USER_INPUT"
	EConflict        = "CONFLICT"
	ERateLimited     = "RATE_LIMITED"
	EInternal        = "INTERNAL"
)

// Error is an error a person can act on: a machine code, a message, and for
// bad input the field at fault. Any other error is internal: its text is
// logged, never shown.
type Error struct {
	Code    string
	Message string
	Field   string // input field at fault, for EInvalid
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid builds a BAD_USER_INPUT error naming the field at fault.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: EInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound builds a NOT_FOUND error for an entity.
func NotFound(entity string) *Error {
	return &Error{Code: ENotFound, Message: entity + " not found"}
}

// ErrorCode unwraps err to its code; any error not of ours is EInternal.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage unwraps err to its human message; internal errors get a
// generic one so their details never reach a client.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
