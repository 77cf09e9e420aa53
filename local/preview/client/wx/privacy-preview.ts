/**
 * The privacy consent of the preview's phone: consent kept in localStorage per simulated WeChat user (a new
 * identity has not agreed), WeChat's own popup and the contract drawn as the phone's modal.
 */
import { showModal } from '../chrome/overlays';
import { currentIdentity } from '../identity';
import { createPrivacySimulation } from '../../../wx/privacy';

const key = () => `wxp-privacy-agreed:${currentIdentity().openid}`;

export const previewPrivacy = createPrivacySimulation({
  loadAgreed: () => localStorage.getItem(key()) === 'yes',
  saveAgreed: (agreed) => localStorage.setItem(key(), agreed ? 'yes' : 'no'),
  officialPopup: async (contractName) => {
    const { confirm } = await showModal({
      title: '用户隐私保护提示',
      content: `在使用前，请阅读并同意${contractName}。`,
      confirmText: '同意',
      cancelText: '拒绝',
    });
    return confirm ? 'agree' : 'disagree';
  },
  showContract: (contractName) => {
    void showModal({
      title: contractName,
      content: '微信在此展示开发者在公众平台填写的隐私保护指引（预览中以此提示代替，填写项见 docs/deploy.md）。',
      showCancel: false,
    });
  },
});
