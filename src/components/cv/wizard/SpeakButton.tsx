"use client";

import { useEffect, useState } from "react";
import { IconSpeaker } from "@/components/ui/icons";

/** A French voice of the browser's speech synthesis, if it has one (voices load late in Chrome). */
function frenchVoice(): SpeechSynthesisVoice | null {
  return window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith("fr")) ?? null;
}

/**
 * Whether the browser can read French aloud: speech synthesis exists and, once its voices are
 * known, one of them speaks French (false on the server and before the first render, so the
 * page reads the same before and after hydration).
 */
export function useFrenchSpeech(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    if (typeof window === "undefined" || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    const synth = window.speechSynthesis;
    // no voice listed yet: they may still be loading; lang "fr-FR" lets the engine choose
    const check = () => setCan(synth.getVoices().length === 0 || frenchVoice() !== null);
    check();
    synth.addEventListener?.("voiceschanged", check);
    return () => synth.removeEventListener?.("voiceschanged", check);
  }, []);
  return can;
}

/** Reads `text` aloud in French, stopping what was being read. */
export function speakFrench(text: string) {
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = "fr-FR";
  const voice = frenchVoice();
  if (voice) utterance.voice = voice;
  // a little slower than the default: for people who read, and listen, with difficulty
  utterance.rate = 0.9;
  synth.speak(utterance);
}

/** A small speaker button reading `text` aloud on tap (never by itself). Nothing where the browser cannot. */
export function SpeakButton({ text, enabled }: { text: string; enabled: boolean }) {
  if (!enabled) return null;
  return (
    <button type="button" className="speak-button" aria-label={`Écouter : ${text}`} title="Écouter" onClick={() => speakFrench(text)}>
      <IconSpeaker />
    </button>
  );
}
