// Must NOT type-check: a spec whose title is a number.
import type {} from 'comparison-card/react';

export const wrong = <comparison-card spec={{ title: 5, options: [], criteria: [] }} />;
