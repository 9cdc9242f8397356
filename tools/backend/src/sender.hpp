#pragma once
// foh-sender's work: worker threads, each with its own PostgreSQL connection,
// take due texts from foh_private.outgoing_texts (migration 022's claim: FOR
// UPDATE SKIP LOCKED, so several senders share the queue), call the provider
// while the row stays locked, and record the answer in that same transaction.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "sms_provider.hpp"

namespace foh::backend {

struct SenderConfig {
  std::string conninfo;
  int workers = 16;  // texts in flight at once: 16 x 50 ms answers = 320 texts/s
  std::chrono::milliseconds idle_poll{200};
  std::chrono::milliseconds backoff_base{2000};  // doubled per attempt
  std::chrono::milliseconds backoff_max{300000};
  int max_attempts = 8;
  std::string public_url;                     // replaces "{public_url}" in bodies (tracking links)
  std::chrono::milliseconds due_every{5000};  // reminders and reconfirmations
};

using ProviderFactory = std::function<std::unique_ptr<SmsProvider>()>;

// Runs until `stop` is set; returns 0, or 1 when the database is unreachable
// at start.
int run_sender(const SenderConfig& config, const ProviderFactory& make_provider,
               std::atomic<bool>& stop);

// The delay before the next try: the provider's Retry-After, at least the
// doubling backoff of this attempt, at most backoff_max.
std::chrono::milliseconds retry_delay(const SenderConfig& config, int attempts,
                                      std::chrono::milliseconds retry_after);

// A provider message for a log line: runs of 5+ digits (phone numbers) starred.
std::string log_safe(const std::string& text);

}  // namespace foh::backend
