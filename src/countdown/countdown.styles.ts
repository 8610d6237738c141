import {css} from 'lit';

export const countdownStyles = css`
  .label {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  .digits {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .unit {
    display: flex;
    flex-direction: column;
    align-items: center;
    width: var(--kp-countdown-unit-width, 5.5em);
    padding: 0.4em 0.25em;
    border-radius: var(--_radius);
    background: var(--kp-countdown-unit-background, var(--_accent));
    color: var(--kp-countdown-unit-color, var(--_on-accent));
  }
  .number {
    font-size: var(--kp-countdown-number-size, 2em);
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .word {
    font-size: 0.85em;
  }
  .deadline,
  .local {
    margin: 0.5em 0 0;
  }
  .local {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.75em;
  }
  .expired {
    margin: 0;
    font-weight: 600;
  }
`;
