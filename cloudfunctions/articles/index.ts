/** Cloud function `articles`: the course reports. All logic lives in core/articles. */
import type { ArticlesActions } from '../../miniprogram/contracts/articles';
import { articlesActions } from '../../core/articles/actions';
import { defineFunction } from '../../core/runtime/define-function';

export const main = defineFunction<ArticlesActions>({ actions: articlesActions });
