import type { ActionType, ComponentFamily } from '../modules.js';
import { alternatives } from './alternatives.js';
import { articlePager } from './article-pager.js';
import { pinButton } from './pin-button.js';
import { pinsPager } from './pins-pager.js';
import { postReply } from './post-reply.js';
import { reviewControls } from './review.js';
import { vote } from './vote.js';

/** Every component family; the router finds a click's family by the action type in its custom_id. */
export const COMPONENTS: readonly ComponentFamily[] = [
  articlePager,
  alternatives,
  pinButton,
  pinsPager,
  postReply,
  vote,
  reviewControls,
];

const byType = new Map<ActionType, ComponentFamily>();
for (const family of COMPONENTS) {
  for (const type of family.handles) {
    if (byType.has(type)) throw new Error(`two component families handle "${type}"`);
    byType.set(type, family);
  }
}
export const findComponent = (type: ActionType): ComponentFamily | undefined => byType.get(type);
