/**
 * 隐私说明: what enrolment collects, why, who sees it, how long it is kept and how to leave — in plain words,
 * with WeChat's own privacy contract one tap away. Static text; no call to any function.
 */
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { ME_PAGE } from '../../shell/routes';

Component({
  behaviors: [fontSizeBehavior],
  methods: {
    onContractTap() {
      void wx.openPrivacyContract({});
    },

    onMeTap() {
      void wx.switchTab({ url: ME_PAGE });
    },
  },
});
