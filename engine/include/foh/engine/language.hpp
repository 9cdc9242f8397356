#pragma once
// The language of the engine's host-facing reasons (the one-line reason of a
// table choice, refusals of assignment, pacing and status changes). English is
// the default: foh-plan's output and the audit trail stay English; the
// terminal passes its locale. Data-validation errors (codec, validate) are for
// files and developers and stay English.
namespace foh {

enum class Language { En, Fr };

}  // namespace foh
