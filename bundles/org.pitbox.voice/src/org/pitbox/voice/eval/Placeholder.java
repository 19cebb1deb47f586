package org.pitbox.voice.eval;
final class Placeholder {}
