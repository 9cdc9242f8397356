#!/usr/bin/env perl
# One text path (issue 15 item 2): fails, naming file and line, when a
# user-facing string takes an old path again:
#  - terminal: a shell text(l, key, fr, en) call, or an inline French/English
#    choice (`l == Language::Fr ? "…"`, `en ? "…"`): words go in
#    terminal/i18n_table.hpp and are read with ui::tr / tr_args / error_text;
#    nor a literal handed to the shell's say() or a screen's message;
#  - net (store*.cpp, login.cpp): a refusal Error{where, message} with no code:
#    the terminal words a refusal by its Error::code ("err.<code>" keys).
# Usage: check-one-text-path.pl [source root]   (default: this script's repo)
use strict;
use warnings;
use File::Basename qw(dirname);
use File::Find;

my $root = shift // dirname(__FILE__) . "/..";

# Allowed on purpose, each with its reason: "path|text on the line" => why.
my %allow = (
  "terminal/i18n.cpp|\"en\" : \"fr\""   => "locale_code: a language code, not a word",
  "terminal/i18n.cpp|\"\\u00a0: \" : \": \"" => "colon(): French typography, not a word",
  "terminal/screens/status_bar.cpp|\"EN\" : \"FR\"" => "the language switch shows the other language's code",
  "terminal/screens/status_bar.cpp|\"EN###locale\" : \"FR###locale\"" => "same switch, its ImGui id",
);
# net errors that are not refusals a host words: a developer's or the engine's.
my @net_allow = (
  [qr/c\.reason|reason\b|\.error\(\)\.message/,
   "the engine's reason or phrase, worded already in the actor's language"],
  [qr/r\.error\.text\(\)|err\.text\(\)|\.text\(\)/, "a backend or SQLite error: logs and diagnostics"],
  [qr/by\.language == Language::Fr/, "the engine's phrase, chosen by the actor's language"],
);

my @bad;
sub line_of { my ($s, $pos) = @_; return 1 + (substr($s, 0, $pos) =~ tr/\n//); }
sub slurp { my $f = shift; open(my $h, "<", $f) or die "$f: $!"; local $/; return <$h>; }

my @terminal;
find(sub { push @terminal, $File::Find::name if /\.(cpp|hpp)$/ }, "$root/terminal");
for my $f (sort @terminal) {
  (my $rel = $f) =~ s{^\Q$root\E/}{};
  my $s = slurp($f);
  $s =~ s{//[^\n]*}{}g;  # comments may name the old ways
  while ($s =~ /(?<![\w.>])text\(\s*\w+\s*,\s*"/g) {
    push @bad, "$rel:" . line_of($s, $-[0]) . ": text(l, key, fr, en): use ui::tr and a table key";
  }
  while ($s =~ /(Language::(?:Fr|En)|\b(?:en|fr|french|english|l)\b)\s*\)?\s*\?\s*\(?\s*("[^"\n]*"|[\w.>-]+)\s*:\s*("[^"\n]*"|[\w.>-]+)/g) {
    my ($what, $a, $b, $at) = ($&, $2, $3, $-[0]);
    next unless $a =~ /^"/ || $b =~ /^"/;
    my $key = "$rel|$a : $b";
    next if exists $allow{$key};
    push @bad, "$rel:" . line_of($s, $at) . ": inline French/English ($a : $b): use a table key";
  }
  # A literal handed straight to the host (the shell's say(), a screen's message).
  while ($s =~ /(?:\bsay\(|\bmessage\s*=)\s*"([^"\n]+)"/g) {
    push @bad, "$rel:" . line_of($s, $-[0]) . ": literal \"$1\" said to the host: use a table key";
  }
}

my @net = grep { -f } map { glob("$root/net/src/$_") } ("store*.cpp", "login.cpp");
for my $f (sort @net) {
  (my $rel = $f) =~ s{^\Q$root\E/}{};
  my $s = slurp($f);
  $s =~ s{//[^\n]*}{}g;
  while ($s =~ /\bError\{((?:[^{}]|\{(?-1)\})*)\}/g) {
    my ($body, $at) = ($1, $-[0]);
    # top-level commas: where, message, code, args
    my ($depth, $args, $q) = (0, 1, 0);
    for my $c (split //, $body) {
      if ($c eq '"') { $q = !$q; next; }
      next if $q;
      $depth++ if $c =~ /[({\[]/;
      $depth-- if $c =~ /[)}\]]/;
      $args++ if $c eq ',' && $depth == 0;
    }
    next if $args >= 3;
    next if grep { $body =~ $_->[0] } @net_allow;
    (my $one = $body) =~ s/\s+/ /g;
    push @bad, "$rel:" . line_of($s, $at) . ": refusal without a code: Error{$one}";
  }
}

if (@bad) {
  print STDERR "check-one-text-path: ", scalar(@bad), " string(s) off the one text path:\n";
  print STDERR "  $_\n" for @bad;
  exit 1;
}
print "check-one-text-path: terminal words come from the table, net refusals carry a code\n";
